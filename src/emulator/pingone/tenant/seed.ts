import { randomBytes, randomUUID } from 'node:crypto';
import { timestamp } from './clock.ts';
import { createEnvironmentRecord } from './environment-factory.ts';
import { seedLicenses } from './licenses.ts';
import type { RoleAssignmentRecord, WorkerAppRecord } from './model.ts';
import { builtInRoles, ROLE_IDS } from './roles.ts';
import type { RoleName } from './roles.ts';
import { PingOneTenant } from './tenant.ts';

/** A client secret shaped like PingOne's: 64 URL-safe characters. */
export function generateClientSecret(): string {
  return randomBytes(48).toString('base64url');
}

function orgScoped(role: RoleName, organizationId: string, environmentId: string): RoleAssignmentRecord {
  return {
    id: randomUUID(),
    roleId: ROLE_IDS[role],
    scope: { id: organizationId, type: 'ORGANIZATION' },
    environmentId,
    readOnly: false,
  };
}

function workerApp(
  name: string,
  environmentId: string,
  roleAssignments: RoleAssignmentRecord[],
): WorkerAppRecord {
  return {
    id: randomUUID(),
    name,
    environmentId,
    clientSecret: generateClientSecret(),
    enabled: true,
    roleAssignments,
  };
}

/** A fresh organization with licenses, the PRODUCTION admin environment and three worker apps. */
export function createSeededTenant(options: { clientSecret?: string } = {}): PingOneTenant {
  const organization = {
    id: randomUUID(),
    name: 'idflow Emulated Organization',
    description: 'Offline PingOne organization served by the idflow emulator.',
    type: 'TRIAL' as const,
    createdAt: timestamp(),
    updatedAt: timestamp(),
  };
  const licenses = seedLicenses();
  const active = licenses.find((license) => license.status === 'ACTIVE');
  if (!active) throw new Error('The seeded licenses include no ACTIVE license.');
  const adminEnvironment = createEnvironmentRecord({
    name: 'Administrators',
    description: 'Administrators environment holding the worker apps.',
    type: 'PRODUCTION',
    region: 'NA',
    license: active,
  });
  const env = adminEnvironment.id;
  const admin = workerApp('idflow Admin Worker', env, [
    orgScoped('Organization Admin', organization.id, env),
    orgScoped('Environment Admin', organization.id, env),
  ]);
  if (options.clientSecret !== undefined) admin.clientSecret = options.clientSecret;
  const identityAdmin = workerApp('idflow Identity Data Admin Worker', env, [
    orgScoped('Identity Data Admin', organization.id, env),
  ]);
  const noRole = workerApp('idflow No Role Worker', env, []);
  return new PingOneTenant({
    organization,
    licenses,
    roles: builtInRoles(),
    adminEnvironment,
    actors: { admin, identityAdmin, noRole },
  });
}
