import { actorVariables } from './actors.ts';
import type { PingOneConfig } from './config.ts';

/** The docs' Postman variables, filled from the configuration. */
export function configVariables(config: PingOneConfig): Record<string, { value: string; secret?: boolean }> {
  const values: Record<string, { value: string; secret?: boolean }> = {
    authPath: { value: config.authUrl },
    apiPath: { value: config.apiUrl },
    adminEnvID: { value: config.adminEnvId },
    adminAppID: { value: config.admin.clientId },
    adminAppSecret: { value: config.admin.clientSecret, secret: true },
    region: { value: config.region ?? 'NA' },
  };
  if (config.orgId) values.orgID = { value: config.orgId };
  if (config.licenseId) values.licenseID = { value: config.licenseId };
  if (config.smokeUserId) values.canaryUserID = { value: config.smokeUserId };
  return { ...values, ...actorVariables(config.actors) };
}
