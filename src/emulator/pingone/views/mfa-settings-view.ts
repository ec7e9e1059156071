import type { EnvironmentRecord } from '../tenant/model.ts';
import { link } from '../wire/hal.ts';
import type { HalResource } from '../wire/hal.ts';

/** The environment's MFA settings, field order as in the docs' PUT example response. */
export function mfaSettingsView(api: string, environment: EnvironmentRecord): HalResource {
  const envPath = `/environments/${environment.id}`;
  const settings = environment.mfaSettings;
  return {
    _links: { self: link(api, `${envPath}/mfaSettings`), environment: link(api, envPath) },
    environment: { id: environment.id },
    pairing: { ...settings.pairing },
    ...(settings.lockout === undefined ? {} : { lockout: { ...settings.lockout } }),
    authentication: { ...settings.authentication },
    updatedAt: settings.updatedAt,
    phoneExtensions: { ...settings.phoneExtensions },
    users: { ...settings.users },
  };
}
