import { TARGETS } from '../targets/registry.ts';
import type { RunConfiguration } from './drain-run.ts';

/**
 * Per configured target, the tenant a run works in, recorded next to its ledgers so `idflow
 * sweep` drains a dead run's ledger only with a configuration of the same tenant (elsewhere the
 * ids answer 404 and would pass for deleted). No secret: origins and ids.
 */
export function tenantsOf(configuration: RunConfiguration): Record<string, string> {
  const tenants: Record<string, string> = {};
  for (const target of TARGETS) {
    try {
      const config = target.resolveConfig(configuration.variables, configuration.source);
      if (config !== undefined) tenants[target.name] = target.tenant(config);
    } catch {
      // Not a usable configuration of this target: the run has no ledger of it to drain either.
    }
  }
  return tenants;
}
