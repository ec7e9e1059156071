import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LerianHarness } from './support/lerian-harness.ts';

let h: LerianHarness;
beforeAll(async () => {
  h = await LerianHarness.start({ tokenTtlSeconds: 120 });
});
afterAll(() => h.close());

const TOKEN = '/v1/login/oauth/access_token';

describe('Auth: access tokens', () => {
  test('the admin logs in with the password grant: an OAuth2Token with a signed JWT', async () => {
    const answer = await h.login(h.emulator.actors.admin.username, h.emulator.actors.admin.password);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ tokenType: 'Bearer', expiresIn: 120, scope: 'openid profile email' });
    const token = String(answer.json.accessToken);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: 'cert-built-in' });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: h.emulator.actors.admin.id, owner: 'lerian', type: 'normal-user' });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(120);
  });

  test('the M2M application logs in with client_credentials', async () => {
    const { clientId, clientSecret } = h.emulator.actors.application;
    const answer = await h.send('POST', TOKEN, {
      json: { grantType: 'client_credentials', clientId, clientSecret },
    });
    expect(answer.status).toBe(200);
    expect(decodeJwt(String(answer.json.accessToken))).toMatchObject({ type: 'application' });
  });

  test.each([
    [
      'a wrong password',
      { grantType: 'password', username: 'admin', password: 'wrong-password' },
      401,
      'AUT-1002',
    ],
    [
      'a wrong client secret',
      { grantType: 'client_credentials', clientId: 'nope', clientSecret: 'nope' },
      401,
      'AUT-1004',
    ],
    ['no grantType', { username: 'admin', password: 'x' }, 400, 'AUT-0001'],
    ['an unknown grantType', { grantType: 'implicit' }, 400, 'AUT-0013'],
    ['a password grant without password', { grantType: 'password', username: 'admin' }, 400, 'AUT-0014'],
    [
      'an unexpected field',
      { grantType: 'password', username: 'admin', password: 'x', extra: 1 },
      400,
      'AUT-0003',
    ],
  ])('%s answers %i %s with title and message', async (_label, json, status, code) => {
    const answer = await h.send('POST', TOKEN, { json });
    expect(answer.status).toBe(status);
    expect(answer.json.code).toBe(code);
    expect(typeof answer.json.title).toBe('string');
    expect(typeof answer.json.message).toBe('string');
  });

  test('AUT-0013 names the grant type it refused; malformed JSON answers AUT-0009', async () => {
    expect((await h.send('POST', TOKEN, { json: { grantType: 'implicit' } })).json.message).toContain(
      "'implicit'",
    );
    const malformed = await h.send('POST', TOKEN, { raw: '{"grantType":' });
    expect([malformed.status, malformed.json.code]).toEqual([400, 'AUT-0009']);
  });

  test('a refresh token gives a new pair once: the old one is then refused with AUT-1005', async () => {
    const first = await h.login(h.emulator.actors.admin.username, h.emulator.actors.admin.password);
    const refreshToken = first.json.refreshToken;
    const refreshed = await h.send('POST', '/v1/login/oauth/refresh_token', { json: { refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.refreshToken).not.toBe(refreshToken);
    const again = await h.send('POST', '/v1/login/oauth/refresh_token', { json: { refreshToken } });
    expect([again.status, again.json.code]).toEqual([400, 'AUT-1005']);
  });

  test('userinfo needs a bearer token (AUT-0006) and names its subject', async () => {
    const missing = await h.send('GET', '/v1/userinfo');
    expect([missing.status, missing.json.code]).toEqual([401, 'AUT-0006']);
    const info = await h.send('GET', '/v1/userinfo', { token: await h.adminToken() });
    expect(info.json).toMatchObject({ sub: h.emulator.actors.admin.id, preferredUsername: 'admin' });
  });

  test('health answers the literal "healthy" without a token', async () => {
    const answer = await h.send('GET', '/health');
    expect([answer.status, answer.text]).toEqual([200, 'healthy']);
  });
});
