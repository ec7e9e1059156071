import { findTarget } from '../targets/registry.ts';

/**
 * Every check id a target's suites run through the baseline hook (`runStepIn`): its flow's
 * steps and its negative probes. A baseline entry naming any other id is stale. Empty for an
 * unknown target.
 */
export function checkIdsOf(target: string): readonly string[] {
  return findTarget(target)?.checkIds() ?? [];
}
