import { beforeEach, describe, expect, test } from 'vitest';
import { totpCode } from '../../../src/otp/totp.ts';
import type { LerianHarness } from './support/lerian-harness.ts';
import { useLerianHarness } from './support/lerian-harness.ts';

const setup = useLerianHarness();
let h: LerianHarness;
let token: string;
beforeEach(() => ({ h, token } = setup.current()));

function mfa(id: string, action = ''): string {
  return `/v1/users/${id}/mfa${action}`;
}

describe('Identity: MFA setup, verify, enable', () => {
  test('the documented sequence enables app MFA, and each step refuses what comes too early', async () => {
    const { id } = await h.user(token);
    const early = await h.send('POST', mfa(id, '/enable'), {
      token,
      json: { recoveryCode: 'a1b2c3d4e5', mfaType: 'app', secret: 'JBSWY3DPEHPK3PXP' },
    });
    expect([early.status, early.json.code, early.json.title]).toEqual([
      400,
      'IDE-0043',
      'MFA Setup Not Initiated',
    ]);

    const setup = await h.send('POST', mfa(id, '/setup'), { token, json: { mfaType: 'app' } });
    expect(setup.status).toBe(200);
    const secret = String(setup.json.secret);
    const codes = setup.json.recoveryCodes as string[];
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.json.url).toBe(
      `otpauth://totp/Lerian:user-1?algorithm=SHA1&digits=6&issuer=Lerian&period=30&secret=${secret}`,
    );
    expect(codes).toHaveLength(3);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{10}$/);
    expect(setup.json.enabled).toBe(false);

    const notVerified = await h.send('POST', mfa(id, '/enable'), {
      token,
      json: { recoveryCode: codes[0], mfaType: 'app', secret },
    });
    expect(notVerified.json.code).toBe('IDE-0041');
    const wrong = await h.send('POST', mfa(id, '/verify'), {
      token,
      json: { passcode: '000000', mfaType: 'app', secret },
    });
    expect([wrong.status, wrong.json.verified]).toEqual([200, false]);
    const right = await h.send('POST', mfa(id, '/verify'), {
      token,
      json: { passcode: totpCode(secret), mfaType: 'app', secret },
    });
    expect(right.json.verified).toBe(true);

    const forged = await h.send('POST', mfa(id, '/enable'), {
      token,
      json: { recoveryCode: 'zzzzzzzzzz', mfaType: 'app', secret },
    });
    expect([forged.status, forged.json.code]).toEqual([400, 'IDE-0046']);
    const otherSecret = await h.send('POST', mfa(id, '/enable'), {
      token,
      json: { recoveryCode: codes[0], mfaType: 'app', secret: 'JBSWY3DPEHPK3PXP' },
    });
    expect(otherSecret.json.code).toBe('IDE-0046');
    const enabled = await h.send('POST', mfa(id, '/enable'), {
      token,
      json: { recoveryCode: codes[1], mfaType: 'app', secret },
    });
    expect([enabled.status, enabled.json]).toEqual([200, { enabled: true }]);

    const twice = await h.send('POST', mfa(id, '/enable'), {
      token,
      json: { recoveryCode: codes[1], mfaType: 'app', secret },
    });
    expect([twice.status, twice.json.code, twice.json.message]).toEqual([
      400,
      'IDE-0040',
      'MFA is already enabled for this user.',
    ]);
    expect((await h.send('POST', mfa(id, '/setup'), { token, json: { mfaType: 'app' } })).json.code).toBe(
      'IDE-0040',
    );
    expect((await h.send('GET', mfa(id), { token })).json).toEqual({
      enabled: true,
      preferredType: 'app',
      methods: ['app'],
      totpEnabled: true,
      emailEnabled: false,
      smsEnabled: false,
    });
  });

  test('verify: a secret other than the setup’s is not verified; a missing secret is IDE-0001', async () => {
    const { id } = await h.user(token);
    await h.send('POST', mfa(id, '/setup'), { token, json: { mfaType: 'app' } });
    const other = 'JBSWY3DPEHPK3PXP';
    const foreign = await h.send('POST', mfa(id, '/verify'), {
      token,
      json: { passcode: totpCode(other), mfaType: 'app', secret: other },
    });
    expect(foreign.json.verified).toBe(false);
    const noSecret = await h.send('POST', mfa(id, '/verify'), {
      token,
      json: { passcode: '123456', mfaType: 'app' },
    });
    expect([noSecret.status, noSecret.json.code]).toEqual([400, 'IDE-0001']);
  });

  test('the Enable MFA page’s messages are exact', async () => {
    const { id } = await h.user(token);
    const cases: Array<[unknown, string, string]> = [
      [{ mfaType: 'app' }, 'IDE-0001', 'Your request is missing one or more required fields.'],
      [
        { recoveryCode: 'x', mfaType: 'app', more: 1 },
        'IDE-0004',
        'The request body contains more fields than expected. Please send only the allowed fields.',
      ],
      [
        { recoveryCode: 'x', mfaType: 'fax' },
        'IDE-0044',
        'The provided MFA type is invalid. Accepted values are app, email, and sms.',
      ],
    ];
    for (const [json, code, message] of cases) {
      const answer = await h.send('POST', mfa(id, '/enable'), { token, json });
      expect([answer.status, answer.json.code, answer.json.message]).toEqual([400, code, message]);
    }
    const malformed = await h.send('POST', mfa(id, '/enable'), { token, raw: 'recoveryCode=x' });
    expect(malformed.json).toMatchObject({
      code: 'IDE-0007',
      title: 'Bad Request',
      message: 'The server could not understand the request due to malformed syntax.',
    });
    const unknown = await h.send('POST', mfa('019c96a0-0c21-71f9-a487-66a1258278a1', '/enable'), {
      token,
      json: { recoveryCode: 'x', mfaType: 'app' },
    });
    expect([unknown.status, unknown.json.title]).toEqual([404, 'User ID Not Found']);
  });

  test('email and sms setup fail with IDE-0045: no communication provider is linked', async () => {
    const { id } = await h.user(token);
    const answer = await h.send('POST', mfa(id, '/setup'), { token, json: { mfaType: 'email' } });
    expect([answer.status, answer.json.code, answer.json.title]).toEqual([
      500,
      'IDE-0045',
      'MFA Operation Failed',
    ]);
  });

  test('preferred method and disable', async () => {
    const user = await h.user(token, true);
    expect(
      (await h.send('PATCH', mfa(user.id, '/preferred'), { token, json: { mfaType: 'sms' } })).json.code,
    ).toBe('IDE-0042');
    expect(
      (await h.send('PATCH', mfa(user.id, '/preferred'), { token, json: { mfaType: 'app' } })).json,
    ).toEqual({ preferredType: 'app' });
    expect((await h.send('POST', mfa(user.id, '/disable'), { token })).json).toEqual({ enabled: false });
    expect((await h.send('GET', mfa(user.id), { token })).json).toMatchObject({
      enabled: false,
      methods: [],
    });
    expect((await h.send('POST', mfa(user.id, '/disable'), { token })).json.code).toBe('IDE-0042');
    const login = await h.login(user.username, user.password);
    expect(login.json.accessToken).toBeDefined();
  });
});
