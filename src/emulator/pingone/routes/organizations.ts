import type { EmulatorRequest, Router } from '../../http/index.ts';
import { authorize } from '../auth/permissions.ts';
import type { PingOneContext } from '../context.ts';
import type { LicenseRecord } from '../tenant/model.ts';
import { licenseView } from '../views/license-view.ts';
import { organizationView } from '../views/organization-view.ts';
import { collection } from '../wire/collection.ts';
import { apiBase, hal } from '../wire/hal.ts';
import { fail, notFound } from '../wire/p1-error.ts';
import { applyFilter } from '../wire/scim-filter.ts';

function organizationFor(ctx: PingOneContext, req: EmulatorRequest) {
  const organization = ctx.tenant.organization;
  if (req.params.orgId !== organization.id) fail(notFound());
  return organization;
}

function licenseAttribute(license: LicenseRecord, attribute: string): unknown {
  return attribute === 'status' ? license.status : license.beginsAt;
}

/** `GET /organizations[/{orgID}]` and the organization's licenses. */
export function registerOrganizationRoutes(router: Router, ctx: PingOneContext): void {
  const { tenant } = ctx;
  router.on('GET', '/v1/organizations', async (req) => {
    authorize(req, tenant, 'organizations:read');
    return collection(req, {
      name: 'organizations',
      records: [tenant.organization],
      render: (organization) => organizationView(apiBase(req), organization),
      paging: { defaultLimit: 100, maxLimit: 1000 },
    });
  });
  router.on('GET', '/v1/organizations/:orgId', async (req) => {
    authorize(req, tenant, 'organizations:read');
    return hal(200, organizationView(apiBase(req), organizationFor(ctx, req)));
  });
  router.on('GET', '/v1/organizations/:orgId/licenses', async (req) => {
    authorize(req, tenant, 'licenses:read');
    const organization = organizationFor(ctx, req);
    const licenses = applyFilter(
      req,
      tenant.licenses,
      { status: ['eq'], beginsAt: ['lt'] },
      licenseAttribute,
    );
    return collection(req, {
      name: 'licenses',
      records: licenses,
      render: (license) =>
        licenseView(apiBase(req), organization.id, license, tenant.environmentCount(license.id)),
    });
  });
  router.on('GET', '/v1/organizations/:orgId/licenses/:licenseId', async (req) => {
    authorize(req, tenant, 'licenses:read');
    const organization = organizationFor(ctx, req);
    const license = tenant.findLicense(req.params.licenseId ?? '') ?? fail(notFound());
    return hal(200, licenseView(apiBase(req), organization.id, license, tenant.environmentCount(license.id)));
  });
}
