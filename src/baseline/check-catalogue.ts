import { pingOneFlow } from '../targets/pingone/catalogue.ts';
import { pingOneProbes } from '../targets/pingone/probes/catalogue.ts';

/**
 * Every check id a target's suites run through the baseline hook (`runStepIn`): its flow's
 * steps and its negative probes. A baseline entry naming any other id is stale.
 */
const CATALOGUES: Readonly<Record<string, () => readonly string[]>> = {
  pingone: () => [...pingOneFlow.map((step) => step.id), ...pingOneProbes.map((probe) => probe.id)],
};

/** The check ids of `target`; empty for a target that defines none. */
export function checkIdsOf(target: string): readonly string[] {
  return CATALOGUES[target]?.() ?? [];
}
