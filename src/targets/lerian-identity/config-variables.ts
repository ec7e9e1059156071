import type { LerianConfig } from './config.ts';
import type { LerianDataValue } from './test-data.ts';

/** The run variables the configuration provides: base URLs and whichever credentials are set. */
export function lerianConfigVariables(config: LerianConfig): Record<string, LerianDataValue> {
  return {
    authPath: { value: config.authUrl },
    identityPath: { value: config.identityUrl },
    ...(config.adminUser
      ? {
          adminUsername: { value: config.adminUser.id },
          adminPassword: { value: config.adminUser.secret, secret: true },
        }
      : {}),
    ...(config.application
      ? {
          clientId: { value: config.application.id },
          clientSecret: { value: config.application.secret, secret: true },
        }
      : {}),
  };
}
