import type { Router } from '../../http/index.ts';
import { authorize } from '../auth/permissions.ts';
import type { PingOneContext } from '../context.ts';
import { roleAssignmentView, roleView } from '../views/role-view.ts';
import { collection } from '../wire/collection.ts';
import { apiBase, hal } from '../wire/hal.ts';
import { fail, notFound } from '../wire/p1-error.ts';
import { environmentFor } from './lookups.ts';

/** Built-in roles and worker-app role assignments (read only). */
export function registerRoleRoutes(router: Router, ctx: PingOneContext): void {
  const { tenant } = ctx;
  router.on('GET', '/v1/roles', async (req) => {
    authorize(req, tenant, 'roles:read');
    return collection(req, {
      name: 'roles',
      records: tenant.roles,
      render: (role) => roleView(apiBase(req), role),
    });
  });
  router.on('GET', '/v1/roles/:roleId', async (req) => {
    authorize(req, tenant, 'roles:read');
    const role = tenant.findRole(req.params.roleId ?? '') ?? fail(notFound());
    return hal(200, roleView(apiBase(req), role));
  });
  const appFor = (envId: string, appId: string | undefined) => {
    const app = tenant.applications.get(appId ?? '');
    return app && app.environmentId === envId ? app : fail(notFound());
  };
  router.on('GET', '/v1/environments/:envId/applications/:appId/roleAssignments', async (req) => {
    const environment = environmentFor(ctx, req, 'roleAssignments:read');
    const app = appFor(environment.id, req.params.appId);
    return collection(req, {
      name: 'roleAssignments',
      records: app.roleAssignments,
      render: (assignment) => roleAssignmentView(apiBase(req), app, assignment),
    });
  });
  router.on(
    'GET',
    '/v1/environments/:envId/applications/:appId/roleAssignments/:assignmentId',
    async (req) => {
      const environment = environmentFor(ctx, req, 'roleAssignments:read');
      const app = appFor(environment.id, req.params.appId);
      const assignment =
        app.roleAssignments.find((candidate) => candidate.id === req.params.assignmentId) ?? fail(notFound());
      return hal(200, roleAssignmentView(apiBase(req), app, assignment));
    },
  );
}
