import type { EnvironmentRecord, UserRecord } from '../tenant/model.ts';
import { link } from '../wire/hal.ts';
import type { HalResource } from '../wire/hal.ts';

/** A user as the docs' create-user example shows it, plus any profile attributes that were set. */
export function userView(api: string, environment: EnvironmentRecord, user: UserRecord): HalResource {
  const envPath = `/environments/${environment.id}`;
  const self = `${envPath}/users/${user.id}`;
  const password = link(api, `${self}/password`);
  return {
    _links: {
      self: link(api, self),
      environment: link(api, envPath),
      population: link(api, `${envPath}/populations/${user.populationId}`),
      devices: link(api, `${self}/devices`),
      roleAssignments: link(api, `${self}/roleAssignments`),
      password,
      'password.reset': password,
      'password.set': password,
      'password.check': password,
      'password.recover': password,
      linkedAccounts: link(api, `${self}/linkedAccounts`),
      'account.sendVerificationCode': link(api, self),
      memberOfGroups: link(api, `${self}/memberOfGroups`),
    },
    id: user.id,
    environment: { id: environment.id },
    account: { canAuthenticate: user.enabled, status: 'OK' },
    createdAt: user.createdAt,
    email: user.email,
    enabled: user.enabled,
    identityProvider: { type: 'PING_ONE' },
    lifecycle: { status: user.lifecycleStatus },
    mfaEnabled: user.mfaEnabled,
    population: { id: user.populationId },
    updatedAt: user.updatedAt,
    username: user.username,
    verifyStatus: 'NOT_INITIATED',
    ...structuredClone(user.profile),
  };
}

/** The `…/users/{userID}/mfaEnabled` resource. */
export function mfaEnabledView(api: string, environment: EnvironmentRecord, user: UserRecord): HalResource {
  const self = `/environments/${environment.id}/users/${user.id}`;
  return {
    _links: { self: link(api, `${self}/mfaEnabled`), user: link(api, self) },
    mfaEnabled: user.mfaEnabled,
  };
}

/** The password state at `…/users/{userID}/password`. */
export function passwordView(api: string, environment: EnvironmentRecord, user: UserRecord): HalResource {
  const envPath = `/environments/${environment.id}`;
  const self = `${envPath}/users/${user.id}`;
  const password = link(api, `${self}/password`);
  return {
    _links: {
      self: password,
      environment: link(api, envPath),
      user: link(api, self),
      passwordPolicy: link(api, `${envPath}/passwordPolicies/${environment.passwordPolicyId}`),
      'password.check': password,
      'password.reset': password,
      'password.set': password,
      'password.recover': password,
    },
    environment: { id: environment.id },
    user: { id: user.id },
    passwordPolicy: { id: environment.passwordPolicyId },
    status: user.password.status,
    ...(user.password.lastChangedAt === undefined ? {} : { lastChangedAt: user.password.lastChangedAt }),
  };
}
