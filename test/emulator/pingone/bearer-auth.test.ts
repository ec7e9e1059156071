import { randomUUID } from 'node:crypto';
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROLE_IDS } from '../../../src/emulator/pingone/index.ts';
import { createEnvironment, json, startHarness } from './support/harness.ts';
import type { ApiResponse, Harness, P1ErrorBody } from './support/harness.ts';

function expectInvalidToken(response: ApiResponse, detail: RegExp): void {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  const body = json<P1ErrorBody>(response);
  expect(body.code).toBe('ACCESS_FAILED');
  expect(body.message).toBe('The request could not be completed. You do not have access to this resource.');
  expect(body.details?.[0]?.code).toBe('INVALID_TOKEN');
  expect(body.details?.[0]?.message).toMatch(detail);
  expect(body.id).toBe(response.headers.get('correlation-id'));
}

function expectForbidden(response: ApiResponse): void {
  expect(response.status).toBe(403);
  const body = json<P1ErrorBody>(response);
  expect(body.code).toBe('ACCESS_FAILED');
  expect(body.message).toBe('The actor attempting to perform the request is not authorized.');
  expect(body.details?.[0]?.code).toBe('INSUFFICIENT_PERMISSIONS');
}

describe('bearer authentication on /v1', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.token();
  });
  afterAll(() => h.close());

  test('missing Authorization header → 401', async () => {
    expectInvalidToken(await h.call('GET', '/environments'), /no access token/);
  });

  test('non-Bearer scheme → 401', async () => {
    const basic = Buffer.from(`${h.env.PINGONE_CLIENT_ID}:${h.env.PINGONE_CLIENT_SECRET}`).toString('base64');
    expectInvalidToken(
      await h.call('GET', '/environments', { headers: { authorization: `Basic ${basic}` } }),
      /Bearer/,
    );
  });

  test('malformed JWT → 401', async () => {
    expectInvalidToken(await h.call('GET', '/environments', { token: 'not-a-jwt' }), /malformed/);
  });

  test('tampered payload (signature no longer matches) → 401', async () => {
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(
      JSON.stringify({ ...claims, client_id: h.env.PINGONE_IDENTITY_ADMIN_CLIENT_ID }),
    ).toString('base64url');
    expectInvalidToken(
      await h.call('GET', '/environments', { token: `${header}.${forged}.${signature}` }),
      /signature/,
    );
  });

  test('a token signed by another key → 401', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ client_id: h.env.PINGONE_CLIENT_ID })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expectInvalidToken(await h.call('GET', '/environments', { token: foreign }), /signature/);
  });

  test('a token whose worker app was deleted → 401', async () => {
    const tenant = h.emulator.tenant;
    const app = tenant.actors.identityAdmin;
    const appToken = await h.token('identityAdmin');
    tenant.applications.delete(app.id);
    try {
      expectInvalidToken(await h.call('GET', '/environments', { token: appToken }), /no longer exists/);
    } finally {
      tenant.applications.set(app.id, app);
    }
  });

  test('an expired token → 401 (tokenTtlSeconds: 1, real time)', async () => {
    const short = await startHarness({ tokenTtlSeconds: 1 });
    try {
      // exp has whole-second resolution, so a token may be issued just before its second ends:
      // take one with at least 300 ms to live, prove it works, then wait until just past exp.
      let shortToken = await short.token();
      let expiresAt = (decodeJwt(shortToken).exp ?? 0) * 1000;
      if (expiresAt - Date.now() < 300) {
        await sleep(expiresAt - Date.now() + 10);
        shortToken = await short.token();
        expiresAt = (decodeJwt(shortToken).exp ?? 0) * 1000;
      }
      expect((await short.call('GET', '/environments', { token: shortToken })).status).toBe(200);
      await sleep(Math.max(0, expiresAt - Date.now()) + 20);
      expectInvalidToken(await short.call('GET', '/environments', { token: shortToken }), /expired/);
    } finally {
      await short.close();
    }
  });

  test('401 comes before 404: an unknown /v1 path without a token is 401', async () => {
    expect((await h.call('GET', '/nothing-here')).status).toBe(401);
    expect((await h.call('GET', '/nothing-here', { token })).status).toBe(404);
  });
});

describe('role checks (403)', () => {
  let h: Harness;
  let admin: string;
  let identity: string;
  let envId: string;
  let orgId: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.token();
    identity = await h.token('identityAdmin');
    envId = await createEnvironment(h, admin);
    orgId = h.emulator.tenant.organization.id;
  });
  afterAll(() => h.close());

  test('Identity Data Admin cannot read licenses, create environments, touch mfaSettings or role assignments', async () => {
    expectForbidden(await h.call('GET', `/organizations/${orgId}/licenses`, { token: identity }));
    expectForbidden(
      await h.call('POST', '/environments', {
        token: identity,
        json: { name: 'x', type: 'SANDBOX', region: 'NA' },
      }),
    );
    expectForbidden(await h.call('GET', `/environments/${envId}/mfaSettings`, { token: identity }));
    const app = h.env.PINGONE_CLIENT_ID ?? '';
    expectForbidden(
      await h.call('GET', `/environments/${h.env.PINGONE_ADMIN_ENV_ID}/applications/${app}/roleAssignments`, {
        token: identity,
      }),
    );
  });

  test('Identity Data Admin (ORGANIZATION scope) may read environments and manage users in an environment created later', async () => {
    expect((await h.call('GET', `/environments/${envId}`, { token: identity })).status).toBe(200);
    expect((await h.call('GET', `/environments/${envId}/users`, { token: identity })).status).toBe(200);
    expect((await h.call('GET', `/organizations/${orgId}`, { token: identity })).status).toBe(200);
    expect((await h.call('GET', '/roles', { token: identity })).status).toBe(200);
  });

  test('Identity Data Admin cannot delete environments', async () => {
    expectForbidden(await h.call('DELETE', `/environments/${envId}`, { token: identity }));
  });

  test('ENVIRONMENT scope covers only that environment; 403 elsewhere, also for unknown ids', async () => {
    const other = await createEnvironment(h, admin);
    const app = h.emulator.tenant.actors.identityAdmin;
    const saved = app.roleAssignments;
    app.roleAssignments = [
      {
        id: randomUUID(),
        roleId: ROLE_IDS['Environment Admin'],
        scope: { id: envId, type: 'ENVIRONMENT' },
        environmentId: app.environmentId,
        readOnly: false,
      },
    ];
    try {
      expect((await h.call('GET', `/environments/${envId}/mfaSettings`, { token: identity })).status).toBe(
        200,
      );
      expectForbidden(await h.call('GET', `/environments/${other}/mfaSettings`, { token: identity }));
      expectForbidden(await h.call('GET', `/environments/${randomUUID()}/users`, { token: identity }));
      const listed = await h.call('GET', '/environments', { token: identity });
      expect(
        json<{ _embedded: { environments: { id: string }[] } }>(listed)._embedded.environments.map(
          (e) => e.id,
        ),
      ).toEqual([envId]);
    } finally {
      app.roleAssignments = saved;
    }
  });

  test('an actor with ORGANIZATION scope gets 404 for an unknown environment id', async () => {
    const unknown = randomUUID();
    const response = await h.call('GET', `/environments/${unknown}/users`, { token: admin });
    expect(response.status).toBe(404);
    expect(json<P1ErrorBody>(response).message).toBe(`Unable to find environment with ID: '${unknown}'`);
  });
});
