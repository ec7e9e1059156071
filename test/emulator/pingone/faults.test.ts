import { Secret, TOTP } from 'otpauth';
import { describe, expect, test } from 'vitest';
import { getPingOneFault, pingOneFaults } from '../../../src/emulator/pingone/index.ts';
import type { EmulatorFault } from '../../../src/emulator/http/index.ts';
import { createEnvironment, createUser, json, startHarness } from './support/harness.ts';
import type { Harness } from './support/harness.ts';

const ACTIVATE = 'application/vnd.pingidentity.device.activate+json';

function fault(name: string): EmulatorFault {
  const found = getPingOneFault(name);
  if (!found) throw new Error(`no fault ${name}`);
  return found;
}

/** Runs `body` against an emulator started with the named faults. */
async function withFaults(names: string[], body: (h: Harness) => Promise<void>): Promise<void> {
  const h = await startHarness({ faults: names.map(fault) });
  try {
    await body(h);
  } finally {
    await h.close();
  }
}

async function userWithTotp(h: Harness, token: string) {
  const envId = await createEnvironment(h, token, undefined, { totp: true });
  const userId = await createUser(h, token, envId, 'fault-user');
  const base = `/environments/${envId}/users/${userId}/devices`;
  const device = json<{ id: string; secret: string }>(
    await h.call('POST', base, { token, json: { type: 'TOTP' } }),
  );
  return { envId, userId, base, device };
}

describe('the fault catalogue', () => {
  test('names are unique kebab-case, every fault is described, and the brief’s faults exist', () => {
    const names = pingOneFaults.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of pingOneFaults) {
      expect(f.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(f.description.length).toBeGreaterThan(10);
    }
    const harmful = [
      'device-missing-status',
      'mfa-enabled-not-persisted',
      'mfa-enabled-ignored-default-true',
      'device-not-activated',
      'create-user-returns-200',
      'accepts-wrong-otp',
      'accepts-missing-bearer',
      'error-without-code',
      'forbidden-instead-of-unauthorized',
      'accepts-unknown-user-id',
      'environment-not-deleted',
      'mfa-settings-not-persisted',
      'device-policy-update-not-persisted',
      'token-wrong-type',
    ];
    const benign = [
      'extra-unknown-fields',
      'plain-json-content-type',
      'rate-limited-once',
      'unavailable-once',
      'slow',
      'new-users-mfa-enabled',
      'unknown-environment-forbidden',
      'unauthorized-without-details',
      'forbidden-without-id',
    ];
    for (const name of harmful) expect(fault(name).harmful, name).toBe(true);
    for (const name of benign) expect(fault(name).harmful, name).toBe(false);
    expect(getPingOneFault('no-such-fault')).toBeUndefined();
  });
});

describe.concurrent('faults change behaviour', () => {
  test('device-missing-status', () =>
    withFaults(['device-missing-status'], async (h) => {
      const token = await h.token();
      const { base } = await userWithTotp(h, token);
      const email = json<Record<string, unknown>>(
        await h.call('POST', base, { token, json: { type: 'EMAIL', email: 'a@example.com' } }),
      );
      expect(email.status).toBeUndefined();
      expect(email.type).toBe('EMAIL');
      const list = json<{ _embedded: { devices: Record<string, unknown>[] } }>(
        await h.call('GET', base, { token }),
      );
      expect(list._embedded.devices.every((d) => d.status === undefined)).toBe(true);
    }));

  test('mfa-enabled-not-persisted', () =>
    withFaults(['mfa-enabled-not-persisted'], async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      const userId = await createUser(h, token, envId, 'mfa-fault');
      const path = `/environments/${envId}/users/${userId}/mfaEnabled`;
      const put = await h.call('PUT', path, { token, json: { mfaEnabled: true } });
      expect([put.status, json<{ mfaEnabled: boolean }>(put).mfaEnabled]).toEqual([200, true]);
      expect(json<{ mfaEnabled: boolean }>(await h.call('GET', path, { token })).mfaEnabled).toBe(false);
    }));

  test('new-users-mfa-enabled: a user created without mfaEnabled starts with true; PUT still works', () =>
    withFaults(['new-users-mfa-enabled'], async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      const userId = await createUser(h, token, envId, 'mfa-default');
      const path = `/environments/${envId}/users/${userId}/mfaEnabled`;
      expect(json<{ mfaEnabled: boolean }>(await h.call('GET', path, { token })).mfaEnabled).toBe(true);
      await h.call('PUT', path, { token, json: { mfaEnabled: false } });
      expect(json<{ mfaEnabled: boolean }>(await h.call('GET', path, { token })).mfaEnabled).toBe(false);
      const explicit = await h.call('POST', `/environments/${envId}/users`, {
        token,
        json: { username: 'mfa-off', email: 'mfa-off@example.com', mfaEnabled: false },
      });
      expect(json<{ mfaEnabled: boolean }>(explicit).mfaEnabled).toBe(false);
    }));

  test('mfa-enabled-ignored-default-true: new users start true and a PUT of false is echoed but ignored', () =>
    withFaults(['mfa-enabled-ignored-default-true'], async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      const userId = await createUser(h, token, envId, 'mfa-ignored');
      const path = `/environments/${envId}/users/${userId}/mfaEnabled`;
      const put = await h.call('PUT', path, { token, json: { mfaEnabled: false } });
      expect([put.status, json<{ mfaEnabled: boolean }>(put).mfaEnabled]).toEqual([200, false]);
      expect(json<{ mfaEnabled: boolean }>(await h.call('GET', path, { token })).mfaEnabled).toBe(true);
    }));

  test('device-not-activated', () =>
    withFaults(['device-not-activated'], async (h) => {
      const token = await h.token();
      const { base, device } = await userWithTotp(h, token);
      const otp = new TOTP({ secret: Secret.fromBase32(device.secret) }).generate();
      const activated = await h.call('POST', `${base}/${device.id}`, {
        token,
        contentType: ACTIVATE,
        json: { otp },
      });
      expect([activated.status, json<{ status: string }>(activated).status]).toEqual([200, 'ACTIVE']);
      expect(json<{ status: string }>(await h.call('GET', `${base}/${device.id}`, { token })).status).toBe(
        'ACTIVATION_REQUIRED',
      );
    }));

  test('create-user-returns-200', () =>
    withFaults(['create-user-returns-200'], async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      const response = await h.call('POST', `/environments/${envId}/users`, {
        token,
        json: { username: 'u', email: 'u@example.com' },
      });
      expect(response.status).toBe(200);
    }));

  test('accepts-wrong-otp', () =>
    withFaults(['accepts-wrong-otp'], async (h) => {
      const token = await h.token();
      const { base, device } = await userWithTotp(h, token);
      const response = await h.call('POST', `${base}/${device.id}`, {
        token,
        contentType: ACTIVATE,
        json: { otp: '000000' },
      });
      expect(response.status).toBe(200);
      expect(json<{ status: string }>(await h.call('GET', `${base}/${device.id}`, { token })).status).toBe(
        'ACTIVE',
      );
    }));

  test('accepts-missing-bearer (after one accepted token)', () =>
    withFaults(['accepts-missing-bearer'], async (h) => {
      expect((await h.call('GET', '/environments')).status).toBe(401);
      const token = await h.token();
      await h.call('GET', '/environments', { token });
      expect((await h.call('GET', '/environments')).status).toBe(200);
    }));

  test('error-without-code', () =>
    withFaults(['error-without-code'], async (h) => {
      const response = await h.call('GET', '/environments');
      expect(response.status).toBe(401);
      expect(json<Record<string, unknown>>(response).code).toBeUndefined();
      expect(json<Record<string, unknown>>(response).message).toBeDefined();
    }));

  test('forbidden-instead-of-unauthorized', () =>
    withFaults(['forbidden-instead-of-unauthorized'], async (h) => {
      expect((await h.call('GET', '/environments')).status).toBe(403);
      expect((await h.call('GET', '/environments', { token: 'garbage' })).status).toBe(403);
    }));

  test('unknown-environment-forbidden, unauthorized-without-details, forbidden-without-id (benign: the OAS allows them)', () =>
    withFaults(
      // The first fault listed sees the answer last: forbidden-without-id strips the 403 the other makes.
      ['forbidden-without-id', 'unauthorized-without-details', 'unknown-environment-forbidden'],
      async (h) => {
        const token = await h.token();
        const unknown = '00000000-0000-4000-8000-000000000000';
        const underIt = await h.call('GET', `/environments/${unknown}/users`, { token });
        expect([
          underIt.status,
          json<Record<string, unknown>>(underIt).code,
          json<Record<string, unknown>>(underIt).id,
        ]).toEqual([403, 'ACCESS_FAILED', undefined]);
        // The environment itself still answers 404: the OAS sends readers there to tell.
        expect((await h.call('GET', `/environments/${unknown}`, { token })).status).toBe(404);
        const unauthorized = json<Record<string, unknown>>(await h.call('GET', '/environments'));
        expect([unauthorized.code, typeof unauthorized.id, unauthorized.details]).toEqual([
          'ACCESS_FAILED',
          'string',
          undefined,
        ]);
      },
    ));

  test('accepts-unknown-user-id', () =>
    withFaults(['accepts-unknown-user-id'], async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      const unknown = '00000000-0000-4000-8000-000000000000';
      const read = await h.call('GET', `/environments/${envId}/users/${unknown}`, { token });
      expect([read.status, json<{ id: string }>(read).id]).toEqual([200, unknown]);
      const put = await h.call('PUT', `/environments/${envId}/users/${unknown}/mfaEnabled`, {
        token,
        json: { mfaEnabled: true },
      });
      expect(put.status).toBe(200);
      expect((await h.call('DELETE', `/environments/${envId}/users/${unknown}`, { token })).status).toBe(204);
      // An unknown environment is still 404.
      expect((await h.call('GET', `/environments/${unknown}/users/${unknown}`, { token })).status).toBe(404);
    }));

  test('environment-not-deleted', () =>
    withFaults(['environment-not-deleted'], async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      expect((await h.call('DELETE', `/environments/${envId}`, { token })).status).toBe(204);
      expect((await h.call('GET', `/environments/${envId}`, { token })).status).toBe(200);
    }));

  test('mfa-settings-not-persisted', () =>
    withFaults(['mfa-settings-not-persisted'], async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      const path = `/environments/${envId}/mfaSettings`;
      const put = await h.call('PUT', path, {
        token,
        json: { pairing: { maxAllowedDevices: 10, pairingKeyFormat: 'ALPHANUMERIC' } },
      });
      expect(json<{ pairing: { maxAllowedDevices: number } }>(put).pairing.maxAllowedDevices).toBe(10);
      expect(
        json<{ pairing: { maxAllowedDevices: number } }>(await h.call('GET', path, { token })).pairing
          .maxAllowedDevices,
      ).toBe(5);
    }));

  test('device-policy-update-not-persisted: the write echoes TOTP on, the policy keeps it off', () =>
    withFaults(['device-policy-update-not-persisted'], async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      const path = `/environments/${envId}/deviceAuthenticationPolicies`;
      const list = json<{
        _embedded: { deviceAuthenticationPolicies: { id: string; default: boolean; totp: object }[] };
      }>(await h.call('GET', path, { token }));
      const policy = list._embedded.deviceAuthenticationPolicies.find((each) => each.default);
      const put = await h.call('PUT', `${path}/${policy?.id ?? ''}`, {
        token,
        json: { ...policy, totp: { ...policy?.totp, enabled: true } },
      });
      expect([put.status, json<{ totp: { enabled: boolean } }>(put).totp.enabled]).toEqual([200, true]);
      const read = await h.call('GET', `${path}/${policy?.id ?? ''}`, { token });
      expect(json<{ totp: { enabled: boolean } }>(read).totp.enabled).toBe(false);
    }));

  test('token-wrong-type', () =>
    withFaults(['token-wrong-type'], async (h) => {
      const response = await h.requestToken(h.env.PINGONE_CLIENT_ID ?? '', h.env.PINGONE_CLIENT_SECRET ?? '');
      expect(json<{ token_type: string }>(response).token_type).toBe('bearer-ish');
    }));

  test('extra-unknown-fields and plain-json-content-type (benign, combined)', () =>
    withFaults(['extra-unknown-fields', 'plain-json-content-type'], async (h) => {
      const token = await h.token();
      const response = await h.call('GET', '/environments', { token });
      expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      const body = json<{
        emulatorExtraField?: string;
        _embedded: { environments: { emulatorExtraField?: string }[] };
      }>(response);
      expect(body.emulatorExtraField).toBeDefined();
      expect(body._embedded.environments[0]?.emulatorExtraField).toBeDefined();
    }));

  test('rate-limited-once: first request per path 429 + Retry-After, then normal', () =>
    withFaults(['rate-limited-once'], async (h) => {
      const first = await h.requestToken(h.env.PINGONE_CLIENT_ID ?? '', h.env.PINGONE_CLIENT_SECRET ?? '');
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('1');
      expect(json<{ code: string }>(first).code).toBe('REQUEST_LIMITED');
      expect(first.headers.get('correlation-id')).toBeTruthy();
      const token = await h.token();
      expect((await h.call('GET', '/environments', { token })).status).toBe(429);
      expect((await h.call('GET', '/environments', { token })).status).toBe(200);
    }));

  test('unavailable-once: first GET per path 503 + Retry-After; writes unaffected', () =>
    withFaults(['unavailable-once'], async (h) => {
      const token = await h.token();
      const first = await h.call('GET', '/environments', { token });
      expect([first.status, first.headers.get('retry-after')]).toEqual([503, '1']);
      expect((await h.call('GET', '/environments', { token })).status).toBe(200);
    }));

  test('slow adds about 200 ms', () =>
    withFaults(['slow'], async (h) => {
      const started = Date.now();
      await h.call('GET', '/environments');
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    }));

  test('latencyMs option delays every request', async () => {
    const h = await startHarness({ latencyMs: 120 });
    try {
      const started = Date.now();
      await h.call('GET', '/environments');
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      await h.close();
    }
  });
});
