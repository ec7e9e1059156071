import { describe, test } from 'vitest';
import { injectedBaseline } from '../baseline/injected-baseline.ts';
import { smokeRun } from './smoke.ts';
import { probeTitle, runProbeIn } from './run-probe-check.ts';
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
      test(probeTitle(probe), (context) =>
        recordCheck(context, { id: probe.id, kind: 'probe' }, () =>
          runProbeIn(context, session(), probe, injectedBaseline()),
        ),
      );
    }
  });
}
