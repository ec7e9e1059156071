import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, environmentHarness } from './support/harness.ts';
import type { Harness, P1ErrorBody } from './support/harness.ts';

interface Settings {
  pairing: { maxAllowedDevices: number; pairingKeyFormat: string };
  lockout?: { failureCount: number; durationSeconds?: number };
  phoneExtensions: { enabled: boolean };
  users: { mfaEnabled: boolean };
  authentication: { deviceSelection: string };
  updatedAt: string;
}

const DOCS_BODY = {
  pairing: { maxAllowedDevices: 10, pairingKeyFormat: 'ALPHANUMERIC' },
  lockout: { failureCount: 6, durationSeconds: 1200 },
  phoneExtensions: { enabled: true },
  users: { mfaEnabled: true },
};

describe('mfaSettings', () => {
  let h: Harness;
  let token: string;
  let envId: string;

  beforeAll(async () => ({ h, token, envId } = await environmentHarness()));
  afterAll(() => h.close());

  const path = () => `/environments/${envId}/mfaSettings`;

  test('PUT (docs example) → 200 with the settings; GET shows them; updatedAt moves', async () => {
    const before = json<Settings>(await h.call('GET', path(), { token }));
    const put = await h.call('PUT', path(), { token, json: DOCS_BODY });
    expect(put.status).toBe(200);
    const body = json<Settings>(put);
    expect(body).toMatchObject({
      ...DOCS_BODY,
      authentication: { deviceSelection: 'DEFAULT_TO_FIRST' },
      environment: { id: envId },
    });
    expect(Date.parse(body.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(json(await h.call('GET', path(), { token }))).toMatchObject(DOCS_BODY);
    expect(json<{ _links: Record<string, { href: string }> }>(put)._links).toEqual({
      self: { href: `${h.api}${path()}` },
      environment: { href: `${h.api}/environments/${envId}` },
    });
  });

  test('PUT replaces: omitting lockout removes it, omitted objects fall back to defaults', async () => {
    await h.call('PUT', path(), { token, json: DOCS_BODY });
    const put = json<Settings>(
      await h.call('PUT', path(), {
        token,
        json: { pairing: { maxAllowedDevices: 3, pairingKeyFormat: 'NUMERIC' } },
      }),
    );
    expect(put.lockout).toBeUndefined();
    expect(put.phoneExtensions.enabled).toBe(false);
    expect(put.users.mfaEnabled).toBe(true);
  });

  test('validation: pairing required; maxAllowedDevices 1..15; format enum; lockout.failureCount required', async () => {
    const missing = json<P1ErrorBody>(
      await h.call('PUT', path(), { token, json: { users: { mfaEnabled: true } } }),
    );
    expect(missing.details).toEqual([expect.objectContaining({ code: 'REQUIRED_VALUE', target: 'pairing' })]);
    const bad = json<P1ErrorBody>(
      await h.call('PUT', path(), {
        token,
        json: {
          pairing: { maxAllowedDevices: 16, pairingKeyFormat: 'EMOJI' },
          lockout: { durationSeconds: 5 },
        },
      }),
    );
    expect(bad.code).toBe('INVALID_DATA');
    expect(bad.details?.map((d) => [d.code, d.target])).toEqual([
      ['OUT_OF_RANGE', 'pairing.maxAllowedDevices'],
      ['INVALID_VALUE', 'pairing.pairingKeyFormat'],
      ['REQUIRED_VALUE', 'lockout.failureCount'],
    ]);
    expect(bad.details?.[0]?.innerError).toEqual({ rangeMinimumValue: 1, rangeMaximumValue: 15 });
    const notInteger = json<P1ErrorBody>(
      await h.call('PUT', path(), {
        token,
        json: { pairing: { maxAllowedDevices: 'five', pairingKeyFormat: 'NUMERIC' } },
      }),
    );
    expect(notInteger.details?.[0]).toMatchObject({
      code: 'INVALID_VALUE',
      target: 'pairing.maxAllowedDevices',
    });
  });

  test('floats are truncated, as PingOne does', async () => {
    const put = json<Settings>(
      await h.call('PUT', path(), {
        token,
        json: { pairing: { maxAllowedDevices: 7.9, pairingKeyFormat: 'NUMERIC' } },
      }),
    );
    expect(put.pairing.maxAllowedDevices).toBe(7);
  });

  test('DELETE → 204 and the settings are back to defaults', async () => {
    await h.call('PUT', path(), { token, json: DOCS_BODY });
    const response = await h.call('DELETE', path(), { token });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    const after = json<Settings>(await h.call('GET', path(), { token }));
    expect(after).toMatchObject({
      pairing: { maxAllowedDevices: 5, pairingKeyFormat: 'NUMERIC' },
      phoneExtensions: { enabled: false },
      users: { mfaEnabled: true },
    });
    expect(after.lockout).toBeUndefined();
  });

  test('Identity Data Admin may not read or change MFA settings (403)', async () => {
    const identity = await h.token('identityAdmin');
    expect((await h.call('PUT', path(), { token: identity, json: DOCS_BODY })).status).toBe(403);
  });
});
