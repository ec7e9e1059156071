import type { OrganizationRecord } from '../tenant/model.ts';
import { link } from '../wire/hal.ts';
import type { HalResource } from '../wire/hal.ts';

/** The organization resource. */
export function organizationView(api: string, organization: OrganizationRecord): HalResource {
  const self = `/organizations/${organization.id}`;
  return {
    _links: {
      self: link(api, self),
      environments: link(api, '/environments'),
      licenses: link(api, `${self}/licenses`),
    },
    id: organization.id,
    name: organization.name,
    description: organization.description,
    type: organization.type,
    billingConnections: [],
    createdAt: organization.createdAt,
    updatedAt: organization.updatedAt,
  };
}
