import { resolveLerianConfig, type LerianConfig } from '../config/lerian-config.ts';
import { resolvePingOneConfig, type PingOneConfig } from '../config/pingone-config.ts';
import type { RunConfiguration } from './drain-run.ts';

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Which PingOne tenant a configuration works in: the API origin and the admin environment. */
export function pingOneTenant(config: PingOneConfig): string {
  return `${originOf(config.apiUrl)} (admin environment ${config.adminEnvId})`;
}

/** Which Lerian Identity deployment a configuration works in: the Identity origin. */
export function lerianTenant(config: LerianConfig): string {
  return originOf(config.identityUrl);
}

/**
 * Per configured target, the tenant a run works in, recorded next to its ledgers so `idflow
 * sweep` drains a dead run's ledger only with a configuration of the same tenant (elsewhere the
 * ids answer 404 and would pass for deleted). No secret: origins and an environment id.
 */
export function tenantsOf(configuration: RunConfiguration): Record<string, string> {
  const tenants: Record<string, string> = {};
  try {
    const pingone = resolvePingOneConfig(configuration.variables, configuration.source);
    if (pingone) tenants.pingone = pingOneTenant(pingone);
  } catch {
    // Not a usable PingOne configuration: the run has no PingOne ledger to drain either.
  }
  try {
    const lerian = resolveLerianConfig(configuration.variables, configuration.source);
    if (lerian) tenants['lerian-identity'] = lerianTenant(lerian);
  } catch {
    // As above, for Lerian Identity.
  }
  return tenants;
}
