import type { RoleAssignmentRecord, RoleRecord, WorkerAppRecord } from '../tenant/model.ts';
import { link } from '../wire/hal.ts';
import type { HalResource } from '../wire/hal.ts';

/** A built-in role. */
export function roleView(api: string, role: RoleRecord): HalResource {
  return {
    _links: { self: link(api, `/roles/${role.id}`) },
    id: role.id,
    name: role.name,
    description: role.description,
    applicableTo: [...role.applicableTo],
    permissions: role.permissions.map((permission) => ({ ...permission })),
  };
}

/** A worker app's role assignment. */
export function roleAssignmentView(
  api: string,
  app: WorkerAppRecord,
  assignment: RoleAssignmentRecord,
): HalResource {
  const appPath = `/environments/${app.environmentId}/applications/${app.id}`;
  return {
    _links: {
      self: link(api, `${appPath}/roleAssignments/${assignment.id}`),
      environment: link(api, `/environments/${app.environmentId}`),
      application: link(api, appPath),
      role: link(api, `/roles/${assignment.roleId}`),
    },
    id: assignment.id,
    role: { id: assignment.roleId },
    scope: { ...assignment.scope },
    environment: { id: assignment.environmentId },
    readOnly: assignment.readOnly,
  };
}
