import { createEnvironmentRecord } from '../../../src/emulator/pingone/tenant/environment-factory.ts';
import type { PingOneTenant } from '../../../src/emulator/pingone/tenant/tenant.ts';
import type { EnvironmentRecord, EnvironmentType } from '../../../src/emulator/pingone/tenant/model.ts';

/** Puts an environment straight into an emulator's tenant, created `ageMs` ago. */
export function plantEnvironment(
  tenant: PingOneTenant,
  options: { name: string; type?: EnvironmentType; ageMs?: number },
): EnvironmentRecord {
  const license = tenant.licenses[0];
  if (!license) throw new Error('the seeded tenant has no license');
  const record = createEnvironmentRecord({
    name: options.name,
    type: options.type ?? 'SANDBOX',
    region: 'NA',
    license,
  });
  const planted = { ...record, createdAt: new Date(Date.now() - (options.ageMs ?? 0)).toISOString() };
  tenant.environmentsById.set(planted.id, planted);
  return planted;
}

/** Names of the environments a run created (`idflow-…`) still in the tenant. */
export function runEnvironments(tenant: PingOneTenant): string[] {
  return tenant
    .environments()
    .map((environment) => environment.name)
    .filter((name) => name.startsWith('idflow-'));
}
