import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, startHarness } from './support/harness.ts';
import type { Harness } from './support/harness.ts';

interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
}
interface OAuthError {
  error: string;
  error_description: string;
}

describe('POST /{envId}/as/token', () => {
  let h: Harness;
  let tokenUrl: string;

  beforeAll(async () => {
    h = await startHarness({ clientSecret: 'a-known-admin-secret-value', tokenTtlSeconds: 1234 });
    tokenUrl = `${h.env.PINGONE_AUTH_URL}/${h.env.PINGONE_ADMIN_ENV_ID}/as/token`;
  });
  afterAll(() => h.close());

  test('client_secret_basic: 200 Bearer token, JSON, no-store, expires_in = tokenTtlSeconds', async () => {
    const response = await h.requestToken(h.env.PINGONE_CLIENT_ID ?? '', 'a-known-admin-secret-value');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = json<TokenBody>(response);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(1234);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
  });

  test('client_secret_post works too', async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: h.env.PINGONE_CLIENT_ID ?? '',
      client_secret: h.env.PINGONE_CLIENT_SECRET ?? '',
    });
    const response = await h.call('POST', tokenUrl, {
      body: form.toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(200);
    expect(json<TokenBody>(response).token_type).toBe('Bearer');
  });

  test('the token is an RS256 JWT verifiable with the JWKS, carrying the documented claims', async () => {
    const token = await h.token();
    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    const jwks = await h.call('GET', `${h.env.PINGONE_AUTH_URL}/${h.env.PINGONE_ADMIN_ENV_ID}/as/jwks`);
    expect(jwks.status).toBe(200);
    const { payload } = await jwtVerify(token, createLocalJWKSet(json(jwks)));
    const envId = h.env.PINGONE_ADMIN_ENV_ID;
    expect(payload).toMatchObject({
      client_id: h.env.PINGONE_CLIENT_ID,
      sub: h.env.PINGONE_CLIENT_ID,
      iss: `${h.env.PINGONE_AUTH_URL}/${envId}/as`,
      env: envId,
      org: h.emulator.tenant.organization.id,
    });
    expect(payload.aud).toBeDefined();
    expect(typeof payload.jti).toBe('string');
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(1234);
  });

  test('every issued access token is recorded in the tenant', async () => {
    const token = await h.token('identityAdmin');
    const recorded = h.emulator.tenant.issuedTokens.find((issued) => issued.accessToken === token);
    expect(recorded?.clientId).toBe(h.env.PINGONE_IDENTITY_ADMIN_CLIENT_ID);
    expect(recorded?.jti).toBe(decodeJwt(token).jti);
  });

  test('wrong secret: 401 invalid_client with a Basic challenge and the correlation id in the description', async () => {
    const response = await h.requestToken(h.env.PINGONE_CLIENT_ID ?? '', 'wrong-secret');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    const body = json<OAuthError>(response);
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(/ \(Correlation ID: [0-9a-f-]{36}\)$/);
    expect(body.error_description).toContain(response.headers.get('correlation-id') ?? 'missing');
  });

  test('unknown client: 401 invalid_client; no credentials at all: 401 invalid_client', async () => {
    const unknown = await h.requestToken('00000000-0000-4000-8000-000000000000', 'whatever');
    expect([unknown.status, json<OAuthError>(unknown).error]).toEqual([401, 'invalid_client']);
    const anonymous = await h.call('POST', tokenUrl, {
      body: 'grant_type=client_credentials',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect([anonymous.status, json<OAuthError>(anonymous).error]).toEqual([401, 'invalid_client']);
  });

  test('a worker app without role assignments is refused: 400 unauthorized_client', async () => {
    const response = await h.requestToken(
      h.env.PINGONE_NO_ROLE_CLIENT_ID ?? '',
      h.env.PINGONE_NO_ROLE_CLIENT_SECRET ?? '',
    );
    expect(response.status).toBe(400);
    expect(json<OAuthError>(response).error).toBe('unauthorized_client');
    expect(json<OAuthError>(response).error_description).toContain('no role assignments');
  });

  test('unsupported grant: 400 unsupported_grant_type; missing grant_type: 400 invalid_request', async () => {
    const id = h.env.PINGONE_CLIENT_ID ?? '';
    const secret = h.env.PINGONE_CLIENT_SECRET ?? '';
    const unsupported = await h.requestToken(id, secret, 'grant_type=password&username=a&password=b');
    expect([unsupported.status, json<OAuthError>(unsupported).error]).toEqual([
      400,
      'unsupported_grant_type',
    ]);
    const missing = await h.requestToken(id, secret, 'scope=openid');
    expect([missing.status, json<OAuthError>(missing).error]).toEqual([400, 'invalid_request']);
  });

  test('a JSON body is refused: 400 invalid_request', async () => {
    const response = await h.call('POST', tokenUrl, { json: { grant_type: 'client_credentials' } });
    expect([response.status, json<OAuthError>(response).error]).toEqual([400, 'invalid_request']);
  });

  test('both Basic and body credentials: 400 invalid_request', async () => {
    const response = await h.requestToken(
      h.env.PINGONE_CLIENT_ID ?? '',
      h.env.PINGONE_CLIENT_SECRET ?? '',
      `grant_type=client_credentials&client_id=${h.env.PINGONE_CLIENT_ID}&client_secret=x`,
    );
    expect([response.status, json<OAuthError>(response).error]).toEqual([400, 'invalid_request']);
  });

  test('unknown environment in the path: 404 NOT_FOUND', async () => {
    const response = await h.call(
      'POST',
      `${h.env.PINGONE_AUTH_URL}/00000000-0000-4000-8000-000000000000/as/token`,
      {
        body: 'grant_type=client_credentials',
        contentType: 'application/x-www-form-urlencoded',
      },
    );
    expect(response.status).toBe(404);
    expect(json<{ code: string }>(response).code).toBe('NOT_FOUND');
  });

  test('the client of one environment cannot get a token from another', async () => {
    const token = await h.token();
    const created = await h.call('POST', '/environments', {
      token,
      json: {
        name: 'token-other-env',
        type: 'SANDBOX',
        region: 'NA',
        license: { id: h.emulator.tenant.licenses.find((l) => l.status === 'ACTIVE')?.id },
      },
    });
    const otherEnv = json<{ id: string }>(created).id;
    const basic = Buffer.from(`${h.env.PINGONE_CLIENT_ID}:${h.env.PINGONE_CLIENT_SECRET}`).toString('base64');
    const response = await h.call('POST', `${h.env.PINGONE_AUTH_URL}/${otherEnv}/as/token`, {
      body: 'grant_type=client_credentials',
      contentType: 'application/x-www-form-urlencoded',
      headers: { authorization: `Basic ${basic}` },
    });
    expect([response.status, json<OAuthError>(response).error]).toEqual([401, 'invalid_client']);
  });

  test('discovery names the issuer, token endpoint and JWKS', async () => {
    const base = `${h.env.PINGONE_AUTH_URL}/${h.env.PINGONE_ADMIN_ENV_ID}/as`;
    const response = await h.call('GET', `${base}/.well-known/openid-configuration`);
    expect(json(response)).toMatchObject({
      issuer: base,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/jwks`,
    });
  });
});
