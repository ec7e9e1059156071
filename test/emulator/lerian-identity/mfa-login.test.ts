import { beforeEach, describe, expect, test } from 'vitest';
import { totpCode } from '../../../src/otp/totp.ts';
import { useLerianHarness } from './support/lerian-harness.ts';
import type { TestUser, LerianHarness } from './support/lerian-harness.ts';

const setup = useLerianHarness();
let h: LerianHarness;
let token: string;
beforeEach(() => ({ h, token } = setup.current()));

const VERIFY = '/v1/login/mfa/verify';

async function challenge(user: TestUser): Promise<string> {
  const answer = await h.login(user.username, user.password);
  expect(answer.status).toBe(200);
  expect(answer.json.accessToken).toBeUndefined();
  return String(answer.json.mfaToken);
}

describe('Auth: the MFA login challenge', () => {
  test('a password login of a user with MFA answers a challenge; a TOTP code completes it once', async () => {
    const user = await h.user(token, true);
    const first = await h.login(user.username, user.password);
    expect(first.json).toMatchObject({ mfaRequired: true, mfaType: 'app', methods: ['app'], expiresIn: 300 });
    const mfaToken = String(first.json.mfaToken);
    const done = await h.send('POST', VERIFY, {
      json: { mfaToken, passcode: totpCode(user.secret ?? ''), mfaType: 'app' },
    });
    expect(done.status).toBe(200);
    const info = await h.send('GET', '/v1/userinfo', { token: String(done.json.accessToken) });
    expect(info.json.sub).toBe(user.id);
    const again = await h.send('POST', VERIFY, {
      json: { mfaToken, passcode: totpCode(user.secret ?? ''), mfaType: 'app' },
    });
    expect([again.status, again.json.code]).toEqual([401, 'AUT-1003']);
  });

  test('a recovery code works once, then is refused', async () => {
    const user = await h.user(token, true);
    const code = user.recoveryCodes?.[2];
    const used = await h.send('POST', VERIFY, {
      json: { mfaToken: await challenge(user), recoveryCode: code, mfaType: 'app' },
    });
    expect(used.status).toBe(200);
    const reused = await h.send('POST', VERIFY, {
      json: { mfaToken: await challenge(user), recoveryCode: code, mfaType: 'app' },
    });
    expect([reused.status, reused.json.code]).toEqual([401, 'AUT-1016']);
  });

  test('five wrong passcodes revoke the challenge (AUT-1017); even the right code is then refused', async () => {
    const user = await h.user(token, true);
    const mfaToken = await challenge(user);
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      codes.push(
        (await h.send('POST', VERIFY, { json: { mfaToken, passcode: '000000', mfaType: 'app' } })).json.code,
      );
    }
    expect(codes).toEqual(['AUT-1016', 'AUT-1016', 'AUT-1016', 'AUT-1016', 'AUT-1017']);
    const right = await h.send('POST', VERIFY, {
      json: { mfaToken, passcode: totpCode(user.secret ?? ''), mfaType: 'app' },
    });
    expect([right.status, right.json.code]).toEqual([401, 'AUT-1003']);
  });

  test('a passcode and a recovery code together, or neither, are refused', async () => {
    const user = await h.user(token, true);
    const mfaToken = await challenge(user);
    const both = await h.send('POST', VERIFY, {
      json: { mfaToken, passcode: '123456', recoveryCode: 'x', mfaType: 'app' },
    });
    expect([both.status, both.json.code]).toEqual([400, 'AUT-0009']);
    const neither = await h.send('POST', VERIFY, { json: { mfaToken, mfaType: 'app' } });
    expect([neither.status, neither.json.code]).toEqual([400, 'AUT-0001']);
    const challenged = await h.send('POST', '/v1/login/mfa/challenge', {
      json: { mfaToken, mfaType: 'email' },
    });
    expect(challenged.json).toEqual({ message: 'MFA challenge initiated' });
  });
});
