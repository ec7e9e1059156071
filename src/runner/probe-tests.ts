import { describe, test } from 'vitest';
import { prepareProbe } from '../flow/probe/probe-run.ts';
import { smokeRun } from './smoke.ts';
import { runStepIn } from './step-test.ts';
import { isSelected } from './selected.ts';
import { recordCheck } from './exchange-meta.ts';
import type { FlowSession } from '../flow/run/session.ts';
import type { ProbeDefinition } from '../flow/probe/probe.ts';

/**
 * Declares one vitest test per probe, concurrent with each other (they share nothing they
 * change), after the file's positive steps: a probe that cannot be provoked here, or whose actor
 * is not configured, is skipped with its reason; otherwise its step runs like any other, so a
 * failure carries the same expected/given, hint and evidence. A `--smoke` run declares none, a
 * `--step`/`--grep` run only those it chose.
 */
export function probeTests(
  session: () => FlowSession,
  title: string,
  probes: readonly ProbeDefinition[],
): void {
  const chosen = probes.filter((probe) => isSelected(probe.id));
  if (smokeRun() || chosen.length === 0) return;
  describe.concurrent(title, () => {
    for (const probe of chosen) {
      test(`${probe.id}: ${probe.provoked} → ${probe.skip ? 'named skip' : probe.expected}`, (context) =>
        recordCheck(context, { id: probe.id, kind: 'probe' }, async () => {
          const readiness = await prepareProbe(probe, session());
          if (!readiness.ready) return context.skip(readiness.reason);
          await runStepIn(context, session(), readiness.step);
        }));
    }
  });
}
