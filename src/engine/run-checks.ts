import { PROBE_CONCURRENCY, Slots } from './probe-slots.ts';
import type { PlannedCheck } from './plan-checks.ts';

/** Resolves after the work queued now, promises and I/O callbacks included, has run. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What {@link runChecks} is told besides the checks. */
export interface RunChecksOptions {
  /** Called as each check finishes (or is skipped unrun), in the order they finish. */
  readonly finished?: (planned: PlannedCheck) => void;
  /**
   * Why no further check may start (`--bail` reached), or undefined to go on; asked before each
   * check but teardown, which runs whatever happened before it.
   */
  readonly stopReason?: () => string | undefined;
  readonly probeConcurrency?: number;
}

/**
 * Runs planned checks, each as soon as what it waits for has finished (passed, failed or
 * skipped: a step whose inputs are missing skips itself, naming the step that should have made
 * them), the probes beside the flow at most {@link PROBE_CONCURRENCY} at a time. Resolves when
 * every check is done.
 */
export async function runChecks(
  checks: readonly PlannedCheck[],
  options: RunChecksOptions = {},
): Promise<void> {
  const slots = new Slots(options.probeConcurrency ?? PROBE_CONCURRENCY);
  const done = new Map<PlannedCheck, Promise<void>>();
  const start = async (planned: PlannedCheck): Promise<void> => {
    await Promise.all(planned.after.map((before) => done.get(before)));
    const stop = planned.teardown ? undefined : options.stopReason?.();
    if (stop !== undefined) planned.check.skip(stop);
    else if (planned.throttled) {
      // The check that released this probe may also have released the flow's next step: the
      // probe lets it send its request first (a turn of the event loop), so the burst of probes
      // it joins is not answered ahead of the critical path.
      await nextTurn();
      await slots.acquire();
      try {
        await planned.check.run(planned.work);
      } finally {
        slots.release();
      }
    } else await planned.check.run(planned.work);
    options.finished?.(planned);
  };
  for (const planned of checks) {
    // Every check waits only for checks planned before it, so each one's promise exists by now.
    done.set(planned, start(planned));
  }
  await Promise.all(done.values());
}
