import { randomUUID } from 'node:crypto';
import { timestamp } from '../tenant/clock.ts';
import type { EnvironmentRecord, UserRecord } from '../tenant/model.ts';
import { asObject, readBoolean, readEnum, readObject, readString, Validation } from '../wire/validation.ts';
import { isHashedPassword, passwordViolations } from './password-policy.ts';

/** Optional profile attributes stored as sent, with the JSON type each must have. */
const PROFILE_ATTRIBUTES: Readonly<Record<string, 'string' | 'object'>> = {
  name: 'object',
  address: 'object',
  photo: 'object',
  nickname: 'string',
  title: 'string',
  type: 'string',
  locale: 'string',
  preferredLanguage: 'string',
  timezone: 'string',
  mobilePhone: 'string',
  primaryPhone: 'string',
  externalId: 'string',
};

/** Read-only attributes a client may echo back; they are ignored rather than refused. */
const IGNORED = new Set([
  '_links',
  '_embedded',
  'id',
  'environment',
  'createdAt',
  'updatedAt',
  'enabled',
  'account',
  'identityProvider',
  'verifyStatus',
  'emailVerified',
  'lastSignOn',
  'memberOfGroupIDs',
  'memberOfGroupNames',
]);
const CREATE_ATTRIBUTES = new Set(['username', 'email', 'population', 'mfaEnabled', 'password', 'lifecycle']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewUser {
  user: UserRecord;
  /** Cleartext (or pre-hashed) import password, applied by the caller after creation. */
  password?: { value: string; forceChange: boolean };
}

function readProfile(v: Validation, body: Record<string, unknown>): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (IGNORED.has(key) || CREATE_ATTRIBUTES.has(key)) continue;
    const kind = PROFILE_ATTRIBUTES[key];
    if (kind === undefined) v.invalid(key, `'${key}' is not an attribute of the user schema.`);
    else if (kind === 'object' ? asObject(value) === undefined : typeof value !== 'string') {
      v.invalid(key, `${key} must be a ${kind === 'object' ? 'JSON object' : 'string'}.`);
    } else profile[key] = structuredClone(value);
  }
  return profile;
}

function readPopulationId(
  v: Validation,
  environment: EnvironmentRecord,
  body: Record<string, unknown>,
): string | undefined {
  const population = readObject(v, body, 'population', 'population');
  if (!population) {
    // The spec: users created without population.id go to the environment's default population.
    const fallback = [...environment.populations.values()].find((candidate) => candidate.default);
    return fallback?.id ?? v.required('population.id');
  }
  const id = readString(v, population, 'id', 'population.id', { required: true });
  if (id !== undefined && !environment.populations.has(id)) {
    return v.invalid('population.id', `No population with ID '${id}' exists in this environment.`);
  }
  return id;
}

/**
 * Validates a create-user body. `importing` is true for `user.import+json`, the only form that
 * may carry a password and an initial lifecycle status.
 */
export function readNewUser(
  environment: EnvironmentRecord,
  body: Record<string, unknown>,
  importing: boolean,
): NewUser {
  const v = new Validation();
  const username = readString(v, body, 'username', 'username', { required: true, maxLength: 128 });
  const email = readString(v, body, 'email', 'email', { required: true });
  if (email !== undefined && !EMAIL.test(email))
    v.invalid('email', 'email must be an email address such as user@example.com.');
  const populationId = readPopulationId(v, environment, body);
  const mfaEnabled = readBoolean(v, body, 'mfaEnabled', 'mfaEnabled');
  const profile = readProfile(v, body);
  const onlyOnImport = (key: string) =>
    v.invalid(
      key,
      `${key} can only be set when creating the user with Content-Type ` +
        `application/vnd.pingidentity.user.import+json.`,
    );
  let lifecycleStatus: UserRecord['lifecycleStatus'] | undefined;
  let password: NewUser['password'];
  if (body.lifecycle !== undefined) {
    if (!importing) onlyOnImport('lifecycle');
    else {
      const lifecycle = readObject(v, body, 'lifecycle', 'lifecycle');
      if (lifecycle)
        lifecycleStatus = readEnum(v, lifecycle, 'status', 'lifecycle.status', [
          'ACCOUNT_OK',
          'VERIFICATION_REQUIRED',
        ]);
    }
  }
  if (body.password !== undefined) {
    if (!importing) onlyOnImport('password');
    else {
      const passwordBody = readObject(v, body, 'password', 'password');
      const value = passwordBody
        ? readString(v, passwordBody, 'value', 'password.value', { required: true })
        : undefined;
      const forceChange = passwordBody
        ? readBoolean(v, passwordBody, 'forceChange', 'password.forceChange')
        : undefined;
      if (value !== undefined) password = { value, forceChange: forceChange ?? false };
    }
  }
  if (username !== undefined) {
    const lower = username.toLowerCase();
    if ([...environment.users.values()].some((user) => user.username.toLowerCase() === lower)) {
      v.add({
        code: 'UNIQUENESS_VIOLATION',
        target: 'username',
        message: `A user with username '${username}' already exists in this environment.`,
      });
    }
  }
  const at = timestamp();
  const user: UserRecord = {
    id: randomUUID(),
    username: username ?? '',
    email: email ?? '',
    populationId: populationId ?? '',
    enabled: true,
    mfaEnabled: mfaEnabled ?? false,
    lifecycleStatus: lifecycleStatus ?? 'ACCOUNT_OK',
    profile,
    password: { status: 'NO_PASSWORD', history: [] },
    devices: new Map(),
    createdAt: at,
    updatedAt: at,
  };
  if (password && !isHashedPassword(password.value)) {
    for (const detail of passwordViolations(password.value, user, 'password.value')) v.add(detail);
  }
  v.throwIfInvalid();
  return { user, ...(password ? { password } : {}) };
}
