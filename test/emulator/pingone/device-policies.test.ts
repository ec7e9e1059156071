import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatSchemaProblems, schemaRegistry } from '../../../src/schema/index.ts';
import { createEnvironment, createUser, json, environmentHarness } from './support/harness.ts';
import type { Harness, P1ErrorBody } from './support/harness.ts';

interface Policy {
  id: string;
  name: string;
  default: boolean;
  totp: { enabled: boolean; otp: object };
  _links: Record<string, { href: string }>;
}
interface Policies {
  _embedded: { deviceAuthenticationPolicies: Policy[] };
}

const FAILURE = { count: 3, coolDown: { duration: 0, timeUnit: 'MINUTES' } };
const OFFLINE = { failure: FAILURE, lifeTime: { duration: 30, timeUnit: 'MINUTES' } };
const APP = { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } };

/** The use cases' "Create the device authentication policy" body, older fields included. */
const USE_CASE_BODY = {
  name: 'useCaseDeviceAuthPolicy__1',
  sms: { enabled: true, otp: OFFLINE },
  email: { enabled: true, otp: OFFLINE },
  mobile: { enabled: true, otp: { ...APP, window: { stepSize: { duration: 30, timeUnit: 'SECONDS' } } } },
  totp: { enabled: true, otp: APP },
  voice: { enabled: false, otp: OFFLINE },
  securityKey: { enabled: true },
  forSignOnPolicy: false,
  platform: { enabled: true },
  default: false,
};

const registry = schemaRegistry();

function expectSchema(name: string, body: unknown): void {
  const result = registry.validate(name, body);
  expect(result.valid, formatSchemaProblems(result)).toBe(true);
}

describe('device authentication policies', () => {
  let h: Harness;
  let token: string;
  let envId: string;
  let userId: string;

  beforeAll(async () => {
    ({ h, token, envId } = await environmentHarness());
    userId = await createUser(h, token, envId, 'policy-user');
  });
  afterAll(() => h.close());

  const policies = (env = envId) => `/environments/${env}/deviceAuthenticationPolicies`;
  const devices = (env = envId, user = userId) => `/environments/${env}/users/${user}/devices`;
  const defaultPolicy = async (env = envId): Promise<Policy> => {
    const list = json<Policies>(await h.call('GET', policies(env), { token }));
    const found = list._embedded.deviceAuthenticationPolicies.find((each) => each.default);
    if (!found) throw new Error('no default policy');
    return found;
  };

  test('a new environment has one default policy with TOTP disabled, in the documented shape', async () => {
    const response = await h.call('GET', policies(), { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/hal+json;charset=UTF-8');
    expectSchema('pingone/device-authentication-policies', response.body);
    const list = json<Policies>(response)._embedded.deviceAuthenticationPolicies;
    expect(list.map((each) => [each.default, each.totp.enabled])).toEqual([[true, false]]);
    const one = await h.call('GET', `${policies()}/${list[0]?.id ?? ''}`, { token });
    expectSchema('pingone/device-authentication-policy', one.body);
    expect(json<Policy>(one)._links.self?.href).toBe(`${h.api}${policies()}/${list[0]?.id ?? ''}`);
  });

  test('pairing TOTP under the default policy is refused while TOTP is disabled there; EMAIL still pairs', async () => {
    const refused = await h.call('POST', devices(), { token, json: { type: 'TOTP' } });
    expect(refused.status).toBe(400);
    const error = json<P1ErrorBody>(refused);
    expect(error.code).toBe('INVALID_DATA');
    expect(error.details?.[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'type' });
    expect(error.details?.[0]?.message).toContain('TOTP');
    const email = await h.call('POST', devices(), { token, json: { type: 'EMAIL', email: 'p@example.com' } });
    expect(email.status).toBe(201);
  });

  test('POST the use cases’ body → 201 + Location; a TOTP device pairs under it by policy.id; the default is untouched', async () => {
    const response = await h.call('POST', policies(), { token, json: USE_CASE_BODY });
    expect(response.status).toBe(201);
    expectSchema('pingone/device-authentication-policy', response.body);
    const policy = json<Policy & Record<string, unknown>>(response);
    expect(response.headers.get('location')).toBe(policy._links.self?.href);
    expect([policy.default, policy.totp.enabled, policy.securityKey]).toEqual([false, true, undefined]);
    expect(json<Policy>(await h.call('GET', `${policies()}/${policy.id}`, { token })).totp.enabled).toBe(
      true,
    );

    const paired = await h.call('POST', devices(), {
      token,
      json: { type: 'TOTP', policy: { id: policy.id } },
    });
    expect([paired.status, json<{ status: string }>(paired).status]).toEqual([201, 'ACTIVATION_REQUIRED']);
    expect((await h.call('POST', devices(), { token, json: { type: 'TOTP' } })).status).toBe(400);
    expect((await defaultPolicy()).totp.enabled).toBe(false);
  });

  test('PUT of the default policy with TOTP enabled persists, and then TOTP pairs without policy.id', async () => {
    const env = await createEnvironment(h, token);
    const user = await createUser(h, token, env, 'put-user');
    const policy = await defaultPolicy(env);
    const put = await h.call('PUT', `${policies(env)}/${policy.id}`, {
      token,
      json: { ...policy, totp: { ...policy.totp, enabled: true } },
    });
    expect(put.status).toBe(200);
    expectSchema('pingone/device-authentication-policy', put.body);
    expect((await defaultPolicy(env)).totp.enabled).toBe(true);
    expect((await h.call('POST', devices(env, user), { token, json: { type: 'TOTP' } })).status).toBe(201);
  });

  test('validation: every missing required field in one 400 INVALID_DATA, nested ones with their path', async () => {
    const empty = json<P1ErrorBody>(await h.call('POST', policies(), { token, json: {} }));
    expect(empty.code).toBe('INVALID_DATA');
    expect(empty.details?.map((detail) => `${detail.code} ${detail.target ?? ''}`)).toEqual(
      ['name', 'default', 'sms', 'voice', 'email', 'mobile', 'totp'].map(
        (target) => `REQUIRED_VALUE ${target}`,
      ),
    );
    const nested = json<P1ErrorBody>(
      await h.call('POST', policies(), {
        token,
        json: {
          ...USE_CASE_BODY,
          totp: { enabled: 'yes' },
          sms: { enabled: true, otp: { ...OFFLINE, otpLength: 11 } },
        },
      }),
    );
    expect(nested.details?.map((detail) => `${detail.code} ${detail.target ?? ''}`)).toEqual([
      'OUT_OF_RANGE sms.otp.otpLength',
      'INVALID_VALUE totp.enabled',
      'REQUIRED_VALUE totp.otp',
    ]);
  });

  test('the default keeps its flag and cannot be deleted; a run-owned policy deletes (204, then 404)', async () => {
    const policy = await defaultPolicy();
    const demote = await h.call('PUT', `${policies()}/${policy.id}`, {
      token,
      json: { ...policy, default: false },
    });
    expect([demote.status, json<P1ErrorBody>(demote).details?.[0]?.target]).toEqual([400, 'default']);
    expect((await h.call('DELETE', `${policies()}/${policy.id}`, { token })).status).toBe(400);
    const created = json<Policy>(
      await h.call('POST', policies(), { token, json: { ...USE_CASE_BODY, name: 'to-delete' } }),
    );
    expect((await h.call('DELETE', `${policies()}/${created.id}`, { token })).status).toBe(204);
    expect((await h.call('GET', `${policies()}/${created.id}`, { token })).status).toBe(404);
  });

  test('an unknown policy.id on a device is a 400 on policy.id; the Identity Data Admin may not read policies', async () => {
    const unknown = await h.call('POST', devices(), {
      token,
      json: { type: 'TOTP', policy: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect([unknown.status, json<P1ErrorBody>(unknown).details?.[0]?.target]).toEqual([400, 'policy.id']);
    const identityAdmin = await h.token('identityAdmin');
    const read = await h.call('GET', policies(), { token: identityAdmin });
    expect([read.status, json<P1ErrorBody>(read).code]).toEqual([403, 'ACCESS_FAILED']);
  });
});
