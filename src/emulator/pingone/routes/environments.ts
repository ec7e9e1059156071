import { randomUUID } from 'node:crypto';
import type { EmulatorRequest, Router } from '../../http/index.ts';
import { parseJsonObject } from '../../http/index.ts';
import { actorOf } from '../auth/actor.ts';
import { authorize, isAllowed } from '../auth/permissions.ts';
import type { PingOneContext } from '../context.ts';
import { createEnvironmentRecord } from '../tenant/environment-factory.ts';
import type { EnvironmentRecord, WorkerAppRecord } from '../tenant/model.ts';
import { ROLE_IDS } from '../tenant/roles.ts';
import type { RoleName } from '../tenant/roles.ts';
import { environmentView } from '../views/environment-view.ts';
import { collection } from '../wire/collection.ts';
import { apiBase, created, hal, noContent } from '../wire/hal.ts';
import { MEDIA } from '../wire/media-types.ts';
import { fail, invalidData } from '../wire/p1-error.ts';
import { requireMediaType } from '../wire/require-media-type.ts';
import { applyFilter } from '../wire/scim-filter.ts';
import { readNewEnvironment } from './environment-input.ts';
import { environmentFor } from './lookups.ts';

const AUTO_GRANTED: readonly RoleName[] = ['Identity Data Admin', 'Client Application Developer'];

/**
 * PingOne gives a worker app holding Environment Admin read-only Identity Data Admin and Client
 * Application Developer assignments on every environment it creates.
 */
function grantCreatorRoles(app: WorkerAppRecord, environment: EnvironmentRecord): void {
  if (!app.roleAssignments.some((assignment) => assignment.roleId === ROLE_IDS['Environment Admin'])) return;
  for (const role of AUTO_GRANTED) {
    app.roleAssignments.push({
      id: randomUUID(),
      roleId: ROLE_IDS[role],
      scope: { id: environment.id, type: 'ENVIRONMENT' },
      environmentId: app.environmentId,
      readOnly: true,
    });
  }
}

function environmentAttribute(environment: EnvironmentRecord, attribute: string): unknown {
  switch (attribute) {
    case 'id':
      return environment.id;
    case 'name':
      return environment.name;
    case 'license.id':
      return environment.licenseId;
    case 'status':
      return environment.status;
    case 'type':
      return environment.type;
    default:
      return undefined;
  }
}

function visibleEnvironments(ctx: PingOneContext, req: EmulatorRequest): EnvironmentRecord[] {
  const { app } = actorOf(req);
  return ctx.tenant.environments().filter((env) => isAllowed(ctx.tenant, app, 'environments:read', env.id));
}

/** Create, list, read and delete environments. */
export function registerEnvironmentRoutes(router: Router, ctx: PingOneContext): void {
  const { tenant } = ctx;
  const render = (req: EmulatorRequest) => (env: EnvironmentRecord) =>
    environmentView(apiBase(req), tenant.organization.id, env);

  router.on('POST', '/v1/environments', async (req) => {
    authorize(req, tenant, 'environments:create');
    requireMediaType(req, [MEDIA.json]);
    const environment = createEnvironmentRecord(readNewEnvironment(tenant, parseJsonObject(req)));
    tenant.environmentsById.set(environment.id, environment);
    grantCreatorRoles(actorOf(req).app, environment);
    return created(render(req)(environment));
  });

  router.on('GET', '/v1/environments', async (req) => {
    const readable = visibleEnvironments(ctx, req);
    if (readable.length === 0) authorize(req, tenant, 'environments:read');
    const support = {
      id: ['eq'],
      name: ['eq', 'sw'],
      'license.id': ['eq'],
      status: ['eq'],
      type: ['eq'],
    } as const;
    return collection(req, {
      name: 'environments',
      records: applyFilter(req, readable, support, environmentAttribute),
      render: render(req),
      paging: { defaultLimit: 100, maxLimit: 1000 },
    });
  });

  router.on('GET', '/v1/environments/:envId', async (req) =>
    hal(200, render(req)(environmentFor(ctx, req, 'environments:read'))),
  );

  router.on('DELETE', '/v1/environments/:envId', async (req) => {
    const environment = environmentFor(ctx, req, 'environments:delete');
    if (environment.type === 'PRODUCTION') {
      fail(
        invalidData([
          {
            code: 'CONSTRAINT_VIOLATION',
            target: 'type',
            message:
              'Data protection notice - A PRODUCTION environment cannot be deleted directly. ' +
              'Only SANDBOX environments can be deleted.',
          },
        ]),
      );
    }
    tenant.environmentsById.delete(environment.id);
    for (const app of tenant.applications.values()) {
      app.roleAssignments = app.roleAssignments.filter(
        (assignment) => !(assignment.scope.type === 'ENVIRONMENT' && assignment.scope.id === environment.id),
      );
    }
    return noContent();
  });
}
