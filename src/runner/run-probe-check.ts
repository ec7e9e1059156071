import { prepareProbe } from '../flow/probe/probe-run.ts';
import { runStepIn } from './run-step-check.ts';
import type { ActiveBaseline } from '../baseline/known-deviation.ts';
import type { CheckContext } from '../flow/run/check-context.ts';
import type { FlowSession } from '../flow/run/session.ts';
import type { ProbeDefinition } from '../flow/probe/probe.ts';

/**
 * Runs a probe as one check: one that cannot be provoked here, or whose actor is not
 * configured, is skipped with its reason; otherwise its step runs like any other, so a failure
 * carries the same expected/given, hint and evidence.
 */
export async function runProbeIn(
  context: CheckContext,
  session: FlowSession,
  probe: ProbeDefinition,
  baseline: ActiveBaseline,
): Promise<void> {
  const readiness = await prepareProbe(probe, session);
  if (!readiness.ready) return context.skip(readiness.reason);
  await runStepIn(context, session, readiness.step, baseline);
}

/** A probe's check title: `<id>: <how it is provoked> → <expected answer>`. */
export function probeTitle(probe: ProbeDefinition): string {
  return `${probe.id}: ${probe.provoked} → ${probe.skip ? 'named skip' : probe.expected}`;
}
