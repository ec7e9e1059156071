import type { LicenseRecord } from '../tenant/model.ts';
import { link } from '../wire/hal.ts';
import type { HalResource } from '../wire/hal.ts';

/** Feature blocks every seeded license shares; only the fields the emulator acts on vary. */
const CAPABILITIES = {
  advancedServices: { pingId: { included: true, type: 'FULL' } },
  authorize: {
    allowApiAccessManagement: true,
    allowDynamicAuthorization: true,
    allowApplicationPermissions: true,
  },
  credentials: { allowCredentials: true, allowPushNotifications: true },
  gateways: { allowLdapGateway: true, allowKerberosGateway: true, allowRadiusGateway: true },
  mfa: {
    allowPushNotification: true,
    allowFido2Devices: true,
    allowVoiceOtp: true,
    allowEmailOtp: true,
    allowSmsOtp: true,
    allowTotp: true,
  },
  orchestrate: { allowOrchestration: true, allowAdminAccess: true, flowsPerEnvironmentMax: 100 },
  users: {
    max: 50000,
    hardLimitMax: 50000,
    allowPasswordPolicy: true,
    allowRoleAssignment: true,
    entitledToSupport: true,
  },
} as const;

/** A license as `GET /organizations/{orgID}/licenses` lists it. */
export function licenseView(
  api: string,
  organizationId: string,
  license: LicenseRecord,
  assignedEnvironmentsCount: number,
): HalResource {
  const organizationPath = `/organizations/${organizationId}`;
  return {
    _links: {
      self: link(api, `${organizationPath}/licenses/${license.id}`),
      organization: link(api, organizationPath),
    },
    id: license.id,
    name: license.name,
    package: license.package,
    status: license.status,
    organization: { id: organizationId },
    beginsAt: license.beginsAt,
    expiresAt: license.expiresAt,
    ...(license.terminatesAt === undefined ? {} : { terminatesAt: license.terminatesAt }),
    assignedEnvironmentsCount,
    environments: {
      allowAddResources: true,
      allowConnections: true,
      allowCustomDomain: true,
      allowCustomSchema: true,
      allowProduction: license.environments.allowProduction,
      max: license.environments.max,
      regions: [...license.environments.regions],
    },
    ...structuredClone(CAPABILITIES),
  };
}
