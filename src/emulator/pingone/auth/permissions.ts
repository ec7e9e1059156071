import type { EmulatorRequest } from '../../http/index.ts';
import type { PingOneTenant } from '../tenant/tenant.ts';
import type { WorkerAppRecord } from '../tenant/model.ts';
import type { RoleName } from '../tenant/roles.ts';
import { ROLE_IDS } from '../tenant/roles.ts';
import { fail, P1_MESSAGES, p1Error } from '../wire/p1-error.ts';
import { actorOf } from './actor.ts';

/**
 * Where a rule's roles must be assigned: `organization` operations need an ORGANIZATION-scoped
 * assignment; `environment` operations accept ORGANIZATION scope (which covers every environment,
 * including ones created later) or ENVIRONMENT scope naming that environment.
 */
type Level = 'organization' | 'environment';

interface Rule {
  readonly description: string;
  /** `any`: every actor with at least one role assignment. */
  readonly roles: readonly RoleName[] | 'any';
  readonly level: Level;
}

const ENV_OR_IDENTITY: readonly RoleName[] = ['Environment Admin', 'Identity Data Admin'];

/** The whole operation → role table of the emulator, in one place. */
export const PERMISSIONS = {
  'organizations:read': { description: 'read organizations', roles: 'any', level: 'organization' },
  'licenses:read': { description: 'read licenses', roles: ['Organization Admin'], level: 'organization' },
  'environments:create': {
    description: 'create environments',
    roles: ['Organization Admin'],
    level: 'organization',
  },
  'environments:delete': {
    description: 'delete environments',
    roles: ['Organization Admin'],
    level: 'environment',
  },
  'environments:read': {
    description: 'read environments',
    roles: ['Organization Admin', 'Environment Admin', 'Identity Data Admin'],
    level: 'environment',
  },
  'populations:manage': { description: 'manage populations', roles: ENV_OR_IDENTITY, level: 'environment' },
  'users:manage': { description: 'manage users', roles: ENV_OR_IDENTITY, level: 'environment' },
  'users:password': { description: 'manage user passwords', roles: ENV_OR_IDENTITY, level: 'environment' },
  'users:mfaEnabled': {
    description: "change a user's mfaEnabled",
    roles: ENV_OR_IDENTITY,
    level: 'environment',
  },
  'devices:manage': { description: 'manage MFA devices', roles: ENV_OR_IDENTITY, level: 'environment' },
  'mfaSettings:manage': {
    description: 'read or change MFA settings',
    roles: ['Environment Admin'],
    level: 'environment',
  },
  'devicePolicies:manage': {
    description: 'read or change device authentication policies',
    roles: ['Environment Admin'],
    level: 'environment',
  },
  'roles:read': { description: 'read roles', roles: 'any', level: 'organization' },
  'roleAssignments:read': {
    description: 'read role assignments',
    roles: ['Environment Admin'],
    level: 'environment',
  },
} as const satisfies Record<string, Rule>;

export type Operation = keyof typeof PERMISSIONS;

/** Whether `app` may perform `operation` (on `environmentId`, for environment-level operations). */
export function isAllowed(
  tenant: PingOneTenant,
  app: WorkerAppRecord,
  operation: Operation,
  environmentId?: string,
): boolean {
  const rule: Rule = PERMISSIONS[operation];
  const roleIds = rule.roles === 'any' ? undefined : new Set(rule.roles.map((name) => ROLE_IDS[name]));
  return app.roleAssignments.some((assignment) => {
    if (roleIds && !roleIds.has(assignment.roleId)) return false;
    if (assignment.scope.type === 'ORGANIZATION') return assignment.scope.id === tenant.organization.id;
    if (rule.level !== 'environment') return rule.roles === 'any';
    return assignment.scope.type === 'ENVIRONMENT' && assignment.scope.id === environmentId;
  });
}

/**
 * Refuses the request with 403 `ACCESS_FAILED` / `INSUFFICIENT_PERMISSIONS` unless its actor may
 * perform `operation`. Runs before any existence check, so an actor without rights on an
 * environment learns nothing about whether it exists.
 */
export function authorize(
  req: EmulatorRequest,
  tenant: PingOneTenant,
  operation: Operation,
  environmentId?: string,
): void {
  const { app } = actorOf(req);
  if (isAllowed(tenant, app, operation, environmentId)) return;
  const rule: Rule = PERMISSIONS[operation];
  const needed = rule.roles === 'any' ? 'any role' : `one of: ${rule.roles.join(', ')}`;
  const scope =
    rule.level === 'organization'
      ? 'the organization'
      : `the organization or environment ${environmentId ?? ''}`;
  fail(
    p1Error(403, 'ACCESS_FAILED', P1_MESSAGES.ACCESS_FAILED_ROLE, [
      {
        code: 'INSUFFICIENT_PERMISSIONS',
        message:
          `The application ${app.id} may not ${rule.description}: it needs ${needed}, assigned at ` +
          `the scope of ${scope.trim()}.`,
      },
    ]),
  );
}
