import { objectOf, unanswered, type Asked } from '../../../doctor/ask.ts';
import { documented, type Source } from '../../../flow/step/source.ts';
import { answered, getJson, type PingOneDoctorContext } from './doctor-context.ts';
import type { DoctorFinding } from '../../../doctor/finding.ts';

/** One role assignment as the preflight reads it: the role's name (when known) and the scope. */
export interface Assignment {
  readonly roleId: string;
  /** The built-in role's name from `GET /roles`; undefined for a role that list does not name. */
  readonly roleName: string | undefined;
  readonly scopeType: string;
  readonly scopeId: string;
}

/** OAS readApplicationRoleAssignments: the read the preflight makes for every worker app. */
export const READ_ASSIGNMENTS = documented(
  'pingone-management.yml#/paths/~1environments~1{environmentID}~1applications~1{applicationID}~1roleAssignments/get (readApplicationRoleAssignments)',
  'READ Application Role Assignments … 200 EntityArray; RoleAssignment requires role.id and scope {id, type}',
);
const READ_ROLES = documented(
  'pingone-management.yml#/paths/~1roles/get (readAllRoles); #/components/schemas/Role',
  'READ All Roles … Role: id, name (EnumRoleName), applicableTo, permissions',
);

function embedded(json: unknown, name: string): unknown[] | undefined {
  const list = objectOf(objectOf(json)?._embedded)?.[name];
  return Array.isArray(list) ? list : undefined;
}

function failing(
  check: string,
  message: string,
  source: Source,
  forbidden: boolean,
  asked?: Asked,
): DoctorFinding {
  return {
    check,
    verdict: forbidden ? 'config' : 'conformance',
    message,
    source,
    ...(asked ? unanswered(asked) : {}),
  };
}

/** The built-in roles' names by id, or the finding that says why they could not be read. */
export async function readRoleNames(
  context: PingOneDoctorContext,
  token: string,
): Promise<{ names: ReadonlyMap<string, string> } | { finding: DoctorFinding }> {
  const asked = await getJson(context, token, '/roles');
  const roles =
    asked.kind === 'answer' && asked.response.status === 200
      ? embedded(asked.response.json, 'roles')
      : undefined;
  if (!roles) {
    const forbidden = asked.kind === 'answer' && asked.response.status === 403;
    return {
      finding: failing(
        'roles',
        `${answered('GET', '/roles', asked)}; the role names cannot be read`,
        READ_ROLES,
        forbidden,
        asked,
      ),
    };
  }
  const names = new Map<string, string>();
  for (const role of roles) {
    const { id, name } = objectOf(role) ?? {};
    if (typeof id === 'string' && typeof name === 'string') names.set(id, name);
  }
  return { names };
}

/**
 * The role assignments of the worker app `appId` in the admin environment (PingOne's
 * applications are addressed by their id, which is the client id unless the app was imported
 * with one of its own), or the finding that says why they could not be read: 403 means the
 * admin app may not read them (a configuration to fix), 404 that no such app is there.
 */
export async function readAssignments(
  context: PingOneDoctorContext,
  request: {
    readonly token: string;
    readonly appId: string;
    readonly check: string;
    readonly names: ReadonlyMap<string, string>;
  },
): Promise<{ assignments: Assignment[] } | { finding: DoctorFinding; status?: number }> {
  const path = `/environments/${context.config.adminEnvId}/applications/${request.appId}/roleAssignments`;
  const asked = await getJson(context, request.token, path);
  const list =
    asked.kind === 'answer' && asked.response.status === 200
      ? embedded(asked.response.json, 'roleAssignments')
      : undefined;
  if (!list) {
    const status = asked.kind === 'answer' ? asked.response.status : undefined;
    return {
      finding: failing(
        request.check,
        answered('GET', path, asked),
        READ_ASSIGNMENTS,
        status === 403 || status === 404,
        asked,
      ),
      ...(status === undefined ? {} : { status }),
    };
  }
  const assignments: Assignment[] = [];
  for (const item of list) {
    const record = objectOf(item);
    const roleId = objectOf(record?.role)?.id;
    const scope = objectOf(record?.scope);
    if (typeof roleId !== 'string' || typeof scope?.id !== 'string' || typeof scope.type !== 'string') {
      return {
        finding: failing(
          request.check,
          `GET ${path} lists a role assignment without role.id or scope {id, type}`,
          READ_ASSIGNMENTS,
          false,
        ),
      };
    }
    assignments.push({
      roleId,
      roleName: request.names.get(roleId),
      scopeType: scope.type,
      scopeId: scope.id,
    });
  }
  return { assignments };
}

/** `Environment Admin (ORGANIZATION)`, for messages. */
export function describeAssignments(assignments: readonly Assignment[]): string {
  if (assignments.length === 0) return 'no role assignment';
  return assignments
    .map((assignment) => `${assignment.roleName ?? `role ${assignment.roleId}`} (${assignment.scopeType})`)
    .join(', ');
}
