import { describe, expect, test } from 'vitest';
import { getLerianIdentityFault } from '../../src/emulator/lerian-identity/index.ts';
import { LerianHarness } from '../emulator/lerian-identity/support/lerian-harness.ts';
import type { EmulatorFault } from '../../src/emulator/http/index.ts';

async function withFault(
  name: string,
  body: (h: LerianHarness, token: string) => Promise<void>,
): Promise<void> {
  const fault = getLerianIdentityFault(name);
  if (!fault) throw new Error(`no Lerian fault ${name}`);
  const h = await LerianHarness.start({ faults: [fault as EmulatorFault] });
  try {
    await body(h, await h.adminToken());
  } finally {
    await h.close();
  }
}

describe.concurrent('the Lerian faults the self-test added', () => {
  test('user-missing-id: create and retrieve lose id; the user still exists', () =>
    withFault('user-missing-id', async (h, token) => {
      const created = await h.send('POST', '/v1/users', {
        token,
        json: {
          username: 'fault-user',
          email: 'f@example.com',
          firstName: 'F',
          lastName: 'U',
          password: 'Str0ng-Passw0rd!',
        },
      });
      expect(created.status).toBe(201);
      expect(created.json.id).toBeUndefined();
      expect(created.json.username).toBe('fault-user');
      expect([...h.emulator.directory.users.values()].some((user) => user.username === 'fault-user')).toBe(
        true,
      );
    }));

  test('create-user-wrong-status: 200 instead of 201', () =>
    withFault('create-user-wrong-status', async (h, token) => {
      const created = await h.send('POST', '/v1/users', {
        token,
        json: {
          username: 'fault-user',
          email: 'f@example.com',
          firstName: 'F',
          lastName: 'U',
          password: 'Str0ng-Passw0rd!',
        },
      });
      expect(created.status).toBe(200);
      expect(typeof created.json.id).toBe('string');
    }));

  test('mfa-disable-not-persisted: disable answers enabled:false but MFA stays on; disabling a user without MFA still fails', () =>
    withFault('mfa-disable-not-persisted', async (h, token) => {
      const { id } = await h.user(token);
      const refused = await h.send('POST', `/v1/users/${id}/mfa/disable`, { token, json: {} });
      expect(refused.status).toBe(400);
      const withMfa = await h.user(token, true);
      const disabled = await h.send('POST', `/v1/users/${withMfa.id}/mfa/disable`, { token, json: {} });
      expect([disabled.status, disabled.json]).toEqual([200, { enabled: false }]);
      expect((await h.send('GET', `/v1/users/${withMfa.id}/mfa`, { token })).json.enabled).toBe(true);
    }));

  test('unauthorized-as-plain-text: a missing or refused token answers 401 text/plain', () =>
    withFault('unauthorized-as-plain-text', async (h) => {
      const missing = await h.send('GET', '/v1/users');
      expect([missing.status, missing.headers.get('content-type'), missing.text]).toEqual([
        401,
        'text/plain; charset=utf-8',
        'Missing Token',
      ]);
      const refused = await h.send('GET', '/v1/users', { token: 'not.a.token' });
      expect([refused.status, refused.text]).toEqual([401, 'Unauthorized']);
    }));

  test('json-with-charset: application/json gains a charset parameter', () =>
    withFault('json-with-charset', async (h, token) => {
      const answer = await h.send('GET', '/v1/userinfo', { token });
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }));
});
