import { Secret, TOTP, URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEnvironment, createUser, json, environmentHarness } from './support/harness.ts';
import type { Harness, P1ErrorBody } from './support/harness.ts';

interface Device {
  id: string;
  type: string;
  status: string;
  secret?: string;
  keyUri?: string;
  lock?: { status: string; expiresAt: string };
  _links: Record<string, { href: string }>;
}

const ACTIVATE = 'application/vnd.pingidentity.device.activate+json';

function codeFor(secret: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

function wrongCodeFor(secret: string): string {
  const valid = new Set([-1, 0, 1].map((offset) => codeFor(secret, offset)));
  let candidate = 0;
  while (valid.has(String(candidate).padStart(6, '0'))) candidate += 1;
  return String(candidate).padStart(6, '0');
}

describe('MFA devices', () => {
  let h: Harness;
  let token: string;
  let envId: string;

  beforeAll(async () => ({ h, token, envId } = await environmentHarness({ totp: true })));
  afterAll(() => h.close());

  const devices = (userId: string) => `/environments/${envId}/users/${userId}/devices`;
  const newUser = () => createUser(h, token, envId, `dev${Math.random().toString(36).slice(2, 10)}`);
  const createTotp = async (userId: string) => {
    const response = await h.call('POST', devices(userId), { token, json: { type: 'TOTP' } });
    expect(response.status).toBe(201);
    return json<Device>(response);
  };
  const activate = (userId: string, deviceId: string, otp: unknown) =>
    h.call('POST', `${devices(userId)}/${deviceId}`, { token, contentType: ACTIVATE, json: { otp } });

  test('EMAIL (docs body) → 201 + Location, ACTIVE, links to self/environment/user', async () => {
    const userId = await newUser();
    const response = await h.call('POST', devices(userId), {
      token,
      json: { type: 'EMAIL', email: 'mobetta@example.com' },
    });
    expect(response.status).toBe(201);
    const body = json<Device>(response);
    expect(response.headers.get('location')).toBe(`${h.api}${devices(userId)}/${body.id}`);
    expect(body).toMatchObject({
      type: 'EMAIL',
      status: 'ACTIVE',
      email: 'mobetta@example.com',
      user: { id: userId },
      environment: { id: envId },
    });
    expect(Object.keys(body._links).sort()).toEqual(['environment', 'self', 'user']);
  });

  test('SMS and VOICE need an E.164 phone; EMAIL needs an email; type must be supported', async () => {
    const userId = await newUser();
    const sms = await h.call('POST', devices(userId), {
      token,
      json: { type: 'SMS', phone: '+15125551212' },
    });
    expect(json<Device>(sms)).toMatchObject({ type: 'SMS', status: 'ACTIVE', phone: '+15125551212' });
    const voice = await h.call('POST', devices(userId), { token, json: { type: 'VOICE', phone: '512-555' } });
    expect(json<P1ErrorBody>(voice).details?.[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'phone' });
    const email = await h.call('POST', devices(userId), { token, json: { type: 'EMAIL' } });
    expect(json<P1ErrorBody>(email).details?.[0]).toMatchObject({ code: 'REQUIRED_VALUE', target: 'email' });
    const mobile = await h.call('POST', devices(userId), { token, json: { type: 'MOBILE' } });
    expect(mobile.status).toBe(400);
    expect(json<P1ErrorBody>(mobile)).toMatchObject({
      code: 'INVALID_DATA',
      details: [expect.objectContaining({ code: 'INVALID_VALUE', target: 'type' })],
    });
    expect(json<P1ErrorBody>(mobile).details?.[0]?.innerError?.allowedValues).toEqual([
      'EMAIL',
      'SMS',
      'VOICE',
      'TOTP',
    ]);
  });

  test('TOTP → ACTIVATION_REQUIRED with a ≥160-bit base32 secret and keyUri, shown only at creation', async () => {
    const userId = await newUser();
    const device = await createTotp(userId);
    expect(device.status).toBe('ACTIVATION_REQUIRED');
    expect(device.secret).toMatch(/^[A-Z2-7]{32,}$/);
    expect(Secret.fromBase32(device.secret ?? '').bytes.length).toBeGreaterThanOrEqual(20);
    const uri = URI.parse(device.keyUri ?? '');
    expect(device.keyUri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toBeInstanceOf(TOTP);
    expect(uri.secret.base32).toBe(device.secret);
    expect(device.keyUri).toContain('issuer=');
    const read = json<Device>(await h.call('GET', `${devices(userId)}/${device.id}`, { token }));
    expect(read.secret).toBeUndefined();
    expect(read.keyUri).toBeUndefined();
    const list = json<{ _embedded: { devices: Device[] } }>(await h.call('GET', devices(userId), { token }));
    expect(list._embedded.devices.every((d) => d.secret === undefined && d.keyUri === undefined)).toBe(true);
  });

  test('activation with a correct RFC 6238 code → 200 ACTIVE; activating again → 400', async () => {
    const userId = await newUser();
    const device = await createTotp(userId);
    const response = await activate(userId, device.id, codeFor(device.secret ?? ''));
    expect(response.status).toBe(200);
    expect(json<Device>(response).status).toBe('ACTIVE');
    expect(json<Device>(await h.call('GET', `${devices(userId)}/${device.id}`, { token })).status).toBe(
      'ACTIVE',
    );
    const again = await activate(userId, device.id, codeFor(device.secret ?? ''));
    expect(again.status).toBe(400);
    expect(json<P1ErrorBody>(again).details?.[0]).toMatchObject({
      code: 'CONSTRAINT_VIOLATION',
      target: 'status',
    });
  });

  test('the previous 30-second step is accepted too', async () => {
    const userId = await newUser();
    const device = await createTotp(userId);
    expect((await activate(userId, device.id, codeFor(device.secret ?? '', -1))).status).toBe(200);
  });

  test('wrong otp → 400 INVALID_DATA / INVALID_OTP with remaining attempts; missing otp → REQUIRED_VALUE', async () => {
    const userId = await newUser();
    const device = await createTotp(userId);
    const wrong = await activate(userId, device.id, wrongCodeFor(device.secret ?? ''));
    expect(wrong.status).toBe(400);
    const body = json<P1ErrorBody>(wrong);
    expect(body.code).toBe('INVALID_DATA');
    expect(body.details?.[0]).toMatchObject({
      code: 'INVALID_OTP',
      target: 'otp',
      innerError: { remainingAttempts: 2 },
    });
    const missing = await h.call('POST', `${devices(userId)}/${device.id}`, {
      token,
      contentType: ACTIVATE,
      json: {},
    });
    expect(json<P1ErrorBody>(missing).details?.[0]).toMatchObject({ code: 'REQUIRED_VALUE', target: 'otp' });
    expect(json<Device>(await h.call('GET', `${devices(userId)}/${device.id}`, { token })).status).toBe(
      'ACTIVATION_REQUIRED',
    );
  });

  test("lockout after the device policy's totp.otp.failure.count wrong codes (not mfaSettings.lockout); even a correct code is refused until the coolDown ends", async () => {
    const lockedEnv = await createEnvironment(h, token, undefined, { totp: true });
    // mfaSettings.lockout is the user's lockout: a larger count here must not delay the device's lock.
    await h.call('PUT', `/environments/${lockedEnv}/mfaSettings`, {
      token,
      json: {
        pairing: { maxAllowedDevices: 5, pairingKeyFormat: 'NUMERIC' },
        lockout: { failureCount: 6, durationSeconds: 1200 },
      },
    });
    const failure = { count: 3, coolDown: { duration: 0, timeUnit: 'MINUTES' } };
    const otp = { failure, lifeTime: { duration: 30, timeUnit: 'MINUTES' } };
    const policy = json<{ id: string }>(
      await h.call('POST', `/environments/${lockedEnv}/deviceAuthenticationPolicies`, {
        token,
        json: {
          name: 'lockout-policy',
          default: false,
          sms: { enabled: false, otp },
          voice: { enabled: false, otp },
          email: { enabled: false, otp },
          mobile: { enabled: false, otp: { failure } },
          totp: {
            enabled: true,
            otp: { failure: { count: 2, coolDown: { duration: 1, timeUnit: 'SECONDS' } } },
          },
        },
      }),
    );
    const userId = await createUser(h, token, lockedEnv, 'locked-user');
    const base = `/environments/${lockedEnv}/users/${userId}/devices`;
    const device = json<Device>(
      await h.call('POST', base, { token, json: { type: 'TOTP', policy: { id: policy.id } } }),
    );
    const secret = device.secret ?? '';
    const attempt = (otp: string) =>
      h.call('POST', `${base}/${device.id}`, { token, contentType: ACTIVATE, json: { otp } });
    expect(json<P1ErrorBody>(await attempt(wrongCodeFor(secret))).details?.[0]?.innerError).toEqual({
      remainingAttempts: 1,
    });
    expect(json<P1ErrorBody>(await attempt(wrongCodeFor(secret))).details?.[0]?.innerError).toEqual({
      remainingAttempts: 0,
    });
    const refused = await attempt(codeFor(secret));
    expect(refused.status).toBe(400);
    expect(json<P1ErrorBody>(refused).details?.[0]).toMatchObject({
      code: 'CONSTRAINT_VIOLATION',
      target: 'otp',
    });
    const locked = json<Device>(await h.call('GET', `${base}/${device.id}`, { token })).lock;
    expect(locked?.status).toBe('LOCKED');
    expect(Date.parse(locked?.expiresAt ?? '') - Date.now()).toBeLessThanOrEqual(1000);
    // Let the 1 s lock run out without sleeping: move its end into the past in the live state.
    const record = h.emulator.tenant.environmentsById
      .get(lockedEnv)
      ?.users.get(userId)
      ?.devices.get(device.id);
    if (!record) throw new Error('device not in tenant');
    record.lockedUntil = Date.now() - 1;
    const unlocked = await attempt(codeFor(secret));
    expect(unlocked.status).toBe(200);
    expect(json<Device>(unlocked).status).toBe('ACTIVE');
  });

  test('pairing.maxAllowedDevices counts ACTIVE devices: 400 SIZE_LIMIT_EXCEEDED at create and at activation', async () => {
    const limitedEnv = await createEnvironment(h, token, undefined, { totp: true });
    await h.call('PUT', `/environments/${limitedEnv}/mfaSettings`, {
      token,
      json: { pairing: { maxAllowedDevices: 1, pairingKeyFormat: 'NUMERIC' } },
    });
    const userId = await createUser(h, token, limitedEnv, 'limited-user');
    const base = `/environments/${limitedEnv}/users/${userId}/devices`;
    const totp = json<Device>(await h.call('POST', base, { token, json: { type: 'TOTP' } }));
    expect(
      (await h.call('POST', base, { token, json: { type: 'EMAIL', email: 'a@example.com' } })).status,
    ).toBe(201);
    const second = await h.call('POST', base, { token, json: { type: 'EMAIL', email: 'b@example.com' } });
    expect(second.status).toBe(400);
    expect(json<P1ErrorBody>(second).details?.[0]).toMatchObject({
      code: 'SIZE_LIMIT_EXCEEDED',
      innerError: { maximumValue: 1 },
    });
    const activation = await h.call('POST', `${base}/${totp.id}`, {
      token,
      contentType: ACTIVATE,
      json: { otp: codeFor(totp.secret ?? '') },
    });
    expect(json<P1ErrorBody>(activation).details?.[0]?.code).toBe('SIZE_LIMIT_EXCEEDED');
  });

  test('activation with Content-Type application/json → 415', async () => {
    const userId = await newUser();
    const device = await createTotp(userId);
    const response = await h.call('POST', `${devices(userId)}/${device.id}`, {
      token,
      json: { otp: '123456' },
    });
    expect(response.status).toBe(415);
    expect(json<P1ErrorBody>(response).code).toBe('INVALID_REQUEST');
  });

  test('read all: _embedded.devices, count, size; delete → 204; unknown ids → 404', async () => {
    const userId = await newUser();
    await h.call('POST', devices(userId), { token, json: { type: 'EMAIL', email: 'one@example.com' } });
    const totp = await createTotp(userId);
    const list = json<{
      _embedded: { devices: Device[] };
      count: number;
      size: number;
      _links: { self: { href: string } };
    }>(await h.call('GET', devices(userId), { token }));
    expect([list.count, list.size]).toEqual([2, 2]);
    expect(list._links.self.href).toBe(`${h.api}${devices(userId)}`);
    expect((await h.call('DELETE', `${devices(userId)}/${totp.id}`, { token })).status).toBe(204);
    expect((await h.call('GET', `${devices(userId)}/${totp.id}`, { token })).status).toBe(404);
    expect((await h.call('GET', devices('00000000-0000-4000-8000-000000000000'), { token })).status).toBe(
      404,
    );
  });

  test('Identity Data Admin may manage devices', async () => {
    const identity = await h.token('identityAdmin');
    const userId = await newUser();
    expect(
      (
        await h.call('POST', devices(userId), {
          token: identity,
          json: { type: 'EMAIL', email: 'i@example.com' },
        })
      ).status,
    ).toBe(201);
  });
});
