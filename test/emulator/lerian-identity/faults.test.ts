import { describe, expect, test } from 'vitest';
import { getLerianIdentityFault, lerianIdentityFaults } from '../../../src/emulator/lerian-identity/index.ts';
import { totpCode } from '../../../src/otp/totp.ts';
import { LerianHarness } from './support/lerian-harness.ts';
import type { EmulatorFault } from '../../../src/emulator/http/index.ts';

async function withFaults(
  names: string[],
  body: (h: LerianHarness, token: string) => Promise<void>,
): Promise<void> {
  const faults = names.map((name) => getLerianIdentityFault(name) as EmulatorFault);
  const h = await LerianHarness.start({ faults });
  try {
    await body(h, await h.adminToken());
  } finally {
    await h.close();
  }
}

describe('the Lerian fault catalogue', () => {
  test('names are unique kebab-case, described, and include the issue’s harmful faults', () => {
    const names = lerianIdentityFaults.map((fault) => fault.name);
    expect(new Set(names).size).toBe(names.length);
    for (const fault of lerianIdentityFaults) {
      expect(fault.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(fault.description.length).toBeGreaterThan(20);
    }
    const harmful = lerianIdentityFaults.filter((fault) => fault.harmful).map((fault) => fault.name);
    expect(harmful).toEqual(
      expect.arrayContaining([
        'enable-without-valid-recovery-code',
        'accepts-wrong-passcode',
        'skips-login-challenge',
        'error-without-code',
      ]),
    );
  });

  test('enable-without-valid-recovery-code: a made-up code enables MFA', async () => {
    await withFaults(['enable-without-valid-recovery-code'], async (h, token) => {
      const { id } = await h.user(token);
      const secret = String(
        (await h.send('POST', `/v1/users/${id}/mfa/setup`, { token, json: { mfaType: 'app' } })).json.secret,
      );
      await h.send('POST', `/v1/users/${id}/mfa/verify`, {
        token,
        json: { passcode: totpCode(secret), mfaType: 'app', secret },
      });
      const enabled = await h.send('POST', `/v1/users/${id}/mfa/enable`, {
        token,
        json: { recoveryCode: 'made-up', mfaType: 'app', secret },
      });
      expect(enabled.json).toEqual({ enabled: true });
    });
  });

  test('accepts-wrong-passcode: setup verify and the login challenge pass with 000000', async () => {
    await withFaults(['accepts-wrong-passcode'], async (h, token) => {
      const user = await h.user(token, true);
      const login = await h.login(user.username, user.password);
      const done = await h.send('POST', '/v1/login/mfa/verify', {
        json: { mfaToken: login.json.mfaToken, passcode: '000000', mfaType: 'app' },
      });
      expect(done.status).toBe(200);
      const other = await h.user(token);
      const secret = String(
        (await h.send('POST', `/v1/users/${other.id}/mfa/setup`, { token, json: { mfaType: 'app' } })).json
          .secret,
      );
      const verified = await h.send('POST', `/v1/users/${other.id}/mfa/verify`, {
        token,
        json: { passcode: '000000', mfaType: 'app', secret },
      });
      expect(verified.json.verified).toBe(true);
    });
  });

  test('skips-login-challenge: the password login answers a real token at once', async () => {
    await withFaults(['skips-login-challenge'], async (h, token) => {
      const user = await h.user(token, true);
      const login = await h.login(user.username, user.password);
      expect(login.json.mfaToken).toBeUndefined();
      const info = await h.send('GET', '/v1/userinfo', { token: String(login.json.accessToken) });
      expect(info.json.sub).toBe(user.id);
    });
  });

  test('error-without-code: errors keep title and message but lose code', async () => {
    await withFaults(['error-without-code'], async (h) => {
      const answer = await h.send('GET', '/v1/users/not-a-uuid');
      expect(answer.status).toBe(401);
      expect(answer.json).not.toHaveProperty('code');
      expect(answer.json.title).toBe('Token Missing');
    });
  });
});

describe('forced server errors and separate origins', () => {
  test('X-Idflow-Force-Error answers IDE-0045 or IDE-0006, but only with a valid token', async () => {
    const h = await LerianHarness.start();
    try {
      const token = await h.adminToken();
      const { id } = await h.user(token);
      const path = `/v1/users/${id}/mfa/enable`;
      const forced = await h.send('POST', path, {
        token,
        json: {},
        headers: { 'x-idflow-force-error': 'IDE-0045' },
      });
      expect([forced.status, forced.json.code]).toEqual([500, 'IDE-0045']);
      const internal = await h.send('POST', path, {
        token,
        json: {},
        headers: { 'x-idflow-force-error': 'IDE-0006' },
      });
      expect([internal.status, internal.json.title]).toEqual([500, 'Internal Server Error']);
      const anonymous = await h.send('POST', path, {
        json: {},
        headers: { 'x-idflow-force-error': 'IDE-0045' },
      });
      expect(anonymous.json.code).toBe('IDE-0008');
    } finally {
      await h.close();
    }
  });

  test('separateOrigins serves Auth and Identity apart, sharing one state', async () => {
    const h = await LerianHarness.start({ separateOrigins: true });
    try {
      expect(h.emulator.authUrl).not.toBe(h.emulator.identityUrl);
      const token = await h.adminToken();
      expect((await h.send('POST', '/v1/users', { token, json: {} })).json.code).toBe('IDE-0001');
      const misplaced = await fetch(`${h.emulator.authUrl}/v1/users`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(misplaced.status).toBe(404);
      expect(h.emulator.env()).toMatchObject({
        LERIAN_AUTH_URL: h.emulator.authUrl,
        LERIAN_IDENTITY_URL: h.emulator.identityUrl,
      });
    } finally {
      await h.close();
    }
  });
});
