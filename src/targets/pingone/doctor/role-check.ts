import { documented } from '../../../flow/step/source.ts';
import { ASSIGN_ROLES_STEP, grantRole, rolesTab } from './console-fixes.ts';
import { flowRoleNeeds, type RoleNeed } from './required-roles.ts';
import { describeAssignments, type Assignment } from './role-assignments.ts';
import type { PingOneConfig } from '../config.ts';
import type { DoctorFinding } from '../../../doctor/finding.ts';

const ORGANIZATION_SCOPE = documented(
  'https://developer.pingidentity.com/pingone-api/getting-started/create-an-admin-worker-app.html',
  'The Organization-level Environment Admin role gives you permissions to all existing PingOne ' +
    'environments as well as any new environments that are added.',
);
const ROLES_PER_STEP = documented(
  ASSIGN_ROLES_STEP,
  'Assign the Organization Admin role as shown. This role is needed to create a new environment … Click ' +
    'the Organization checkbox for the Environment Admin role',
);

const SHOWN_STEPS = 4;

function stepList(steps: readonly string[]): string {
  const shown = steps.slice(0, SHOWN_STEPS).join(', ');
  return steps.length > SHOWN_STEPS ? `${shown} and ${steps.length - SHOWN_STEPS} more` : shown;
}

/** Whether `assignment` covers `need`: its role is one of the need's, at a scope that reaches. */
function covers(
  assignment: Assignment,
  need: RoleNeed,
  config: PingOneConfig,
  orgId: string | undefined,
): boolean {
  if (assignment.roleName === undefined || !need.roles.includes(assignment.roleName)) return false;
  if (assignment.scopeType === 'ORGANIZATION') return orgId === undefined || assignment.scopeId === orgId;
  // A run that creates its environment cannot be covered by a scope naming another one.
  return (
    need.level === 'environment' &&
    assignment.scopeType === 'ENVIRONMENT' &&
    config.environmentId !== undefined &&
    assignment.scopeId === config.environmentId
  );
}

function scopeWanted(need: RoleNeed, config: PingOneConfig): string {
  if (need.level === 'organization' || config.environmentId === undefined)
    return 'at Organization scope (the Organization checkbox)';
  return `at Organization scope, or for environment ${config.environmentId} (PINGONE_ENV_ID)`;
}

/**
 * Compares the admin worker app's role assignments with what each step of the flow needs: one
 * finding per unmet need, naming the roles, the steps and the console fix; one `ok` otherwise.
 */
export function judgeRoles(
  config: PingOneConfig,
  assignments: readonly Assignment[],
  orgId: string | undefined,
): DoctorFinding[] {
  const clientId = config.admin.clientId;
  const unmet = flowRoleNeeds(config.environmentId !== undefined).filter(
    (need) => !assignments.some((assignment) => covers(assignment, need, config, orgId)),
  );
  if (unmet.length === 0)
    return [
      {
        check: 'roles',
        verdict: 'ok',
        message:
          `the Worker app ${clientId} holds the roles every step needs: ` +
          `${describeAssignments(assignments)}`,
        source: ROLES_PER_STEP,
      },
    ];
  return unmet.map((need) => ({
    check: 'roles',
    verdict: 'config',
    message:
      `the Worker app ${clientId} holds no ${need.roles.join(' or ')} role ` +
      `${scopeWanted(need, config)}, which step${need.steps.length > 1 ? 's' : ''} ` +
      `${stepList(need.steps)} need${need.steps.length > 1 ? '' : 's'}; it holds ` +
      `${describeAssignments(assignments)}`,
    fix: grantRole(need.roles[0] ?? 'the role', clientId, scopeWanted(need, config)),
    source:
      need.level === 'environment' && config.environmentId === undefined
        ? ORGANIZATION_SCOPE
        : ROLES_PER_STEP,
  }));
}

/** The fix when the admin app may not even read its own role assignments. */
export function cannotReadOwnRolesFix(clientId: string): string {
  return (
    `grant Environment Admin at Organization scope, which the flow needs anyway: ` +
    `${rolesTab(clientId, 'Grant roles')}`
  );
}
