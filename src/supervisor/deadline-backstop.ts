import { formatAge } from '../process/duration.ts';
import type { RunDeadline } from '../process/run-deadline.ts';

/**
 * How long teardown may run after the whole-run deadline before the supervisor stops the run.
 * Teardown is exempt from the deadline, and a real tenant deletes a run's environment in
 * seconds; two minutes also covers a slow delete confirmed by reading until 404.
 */
export const DEFAULT_TEARDOWN_GRACE_MS = 120_000;

/** Between SIGTERM and SIGKILL: enough for vitest to stop its workers and write its reports. */
export const KILL_AFTER_MS = 5_000;

/** Options of {@link armDeadlineBackstop}. */
export interface DeadlineBackstopOptions {
  readonly deadline: RunDeadline;
  /** Time teardown is given after the deadline, ms. */
  readonly graceMs: number;
  /** Signals the supervised process group. */
  readonly stop: (signal: NodeJS.Signals) => void;
  /** Writes one line for the user. */
  readonly say: (line: string) => void;
}

/** An armed backstop: whether it fired, and how to disarm it once the run ended. */
export interface DeadlineBackstop {
  fired(): boolean;
  disarm(): void;
}

/**
 * The supervisor's last resort: when the run is still going at its deadline plus the teardown
 * grace (a teardown request hanging on a stuck server), says so, sends SIGTERM to the run, and
 * SIGKILL {@link KILL_AFTER_MS} later if it is still there. What it created is then drained as
 * after an interrupt.
 */
export function armDeadlineBackstop(options: DeadlineBackstopOptions): DeadlineBackstop {
  const { deadline, graceMs } = options;
  let fired = false;
  let kill: NodeJS.Timeout | undefined;
  const timer = setTimeout(
    () => {
      fired = true;
      options.say(
        `the run passed its deadline of ${deadline.label} and teardown did not finish within ` +
          `${formatAge(graceMs)}; stopping it`,
      );
      options.stop('SIGTERM');
      kill = setTimeout(() => options.stop('SIGKILL'), KILL_AFTER_MS);
    },
    Math.max(0, deadline.remainingMs() + graceMs),
  );
  return {
    fired: () => fired,
    disarm: () => {
      clearTimeout(timer);
      clearTimeout(kill);
    },
  };
}
