import type { EnvironmentRecord } from '../tenant/model.ts';
import { link } from '../wire/hal.ts';
import type { HalLinks, HalResource } from '../wire/hal.ts';

/** Link names of the docs' create-environment example; each points below the environment. */
const SUB_RESOURCES = [
  'populations',
  'users',
  'applications',
  'activities',
  'branding',
  'resources',
  'passwordPolicies',
  'userActivities',
  'signOnPolicies',
  'keys',
  'templates',
  'notificationsSettings',
  'schemas',
  'gateways',
  'capabilities',
  'activeIdentityCounts',
  'propagation/plans',
  'propagation/stores',
  'propagation/revisions/id:latest',
  'billOfMaterials',
] as const;

/** An environment as the management API renders it (`status` and `billOfMaterials` included). */
export function environmentView(
  api: string,
  organizationId: string,
  environment: EnvironmentRecord,
): HalResource {
  const self = `/environments/${environment.id}`;
  const links: HalLinks = {
    self: link(api, self),
    organization: link(api, `/organizations/${organizationId}`),
    license: link(api, `/organizations/${organizationId}/licenses/${environment.licenseId}`),
  };
  for (const name of SUB_RESOURCES) links[name] = link(api, `${self}/${name}`);
  const bom = environment.billOfMaterials;
  return {
    _links: links,
    id: environment.id,
    name: environment.name,
    ...(environment.description === undefined ? {} : { description: environment.description }),
    ...(environment.icon === undefined ? {} : { icon: environment.icon }),
    organization: { id: organizationId },
    type: environment.type,
    region: environment.region,
    ...(environment.subtype === undefined ? {} : { subtype: environment.subtype }),
    status: environment.status,
    createdAt: environment.createdAt,
    updatedAt: environment.updatedAt,
    license: { id: environment.licenseId },
    billOfMaterials: {
      products: bom.products.map((product) => ({ ...product })),
      ...(bom.solutionType === undefined ? {} : { solutionType: bom.solutionType }),
      createdAt: bom.createdAt,
      updatedAt: bom.updatedAt,
    },
  };
}
