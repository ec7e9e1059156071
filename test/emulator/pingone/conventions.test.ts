import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser, json, environmentHarness } from './support/harness.ts';
import type { ApiResponse, Harness, P1ErrorBody } from './support/harness.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('PingOne wire conventions', () => {
  let h: Harness;
  let token: string;
  let envId: string;

  beforeAll(async () => ({ h, token, envId } = await environmentHarness()));
  afterAll(() => h.close());

  test('every kind of response carries a Correlation-Id; P1Error ids equal it', async () => {
    const userId = await createUser(h, token, envId, 'corr-user');
    const identity = await h.token('identityAdmin');
    const responses: [string, ApiResponse][] = [
      ['200', await h.call('GET', '/environments', { token })],
      [
        '201',
        await h.call('POST', `/environments/${envId}/populations`, { token, json: { name: 'corr-pop' } }),
      ],
      ['204', await h.call('DELETE', `/environments/${envId}/users/${userId}`, { token })],
      ['400', await h.call('POST', '/environments', { token, json: {} })],
      ['401', await h.call('GET', '/environments')],
      ['403', await h.call('GET', `/environments/${envId}/mfaSettings`, { token: identity })],
      ['404', await h.call('GET', `/environments/${envId}/users/${userId}`, { token })],
      ['405', await h.call('PATCH', '/environments', { token, json: {} })],
      ['415', await h.call('POST', '/environments', { token, body: 'x', contentType: 'text/plain' })],
      ['token 401', await h.requestToken('nobody', 'nothing')],
      ['outside /v1', await h.call('GET', `${h.emulator.url}/nowhere`)],
    ];
    for (const [label, response] of responses) {
      const correlation = response.headers.get('correlation-id');
      expect(correlation, label).toMatch(UUID);
      if (response.status >= 400 && !label.startsWith('token'))
        expect(json<P1ErrorBody>(response).id, label).toBe(correlation);
    }
    expect(responses.map(([, r]) => r.status)).toEqual([
      200, 201, 204, 400, 401, 403, 404, 405, 415, 401, 404,
    ]);
  });

  test('X-Ping-External-Transaction-ID / Session-ID are echoed (sanitized) or generated', async () => {
    const echoed = await h.call('GET', '/environments', {
      token,
      headers: {
        'x-ping-external-transaction-id': 'run-42/step 3',
        'x-ping-external-session-id': 'session-1',
      },
    });
    expect(echoed.headers.get('x-ping-external-transaction-id')).toBe('run-42_step_3');
    expect(echoed.headers.get('x-ping-external-session-id')).toBe('session-1');
    const generated = await h.call('GET', '/environments', { token });
    expect(generated.headers.get('x-ping-external-transaction-id')).toMatch(UUID);
    expect(generated.headers.get('x-ping-external-session-id')).toMatch(UUID);
  });

  test('HAL links and Location are absolute and built from the request origin', async () => {
    const response = await request(`${h.api}/environments`, {
      method: 'POST',
      headers: {
        host: 'tenant.example.test:8080',
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'origin-env',
        type: 'SANDBOX',
        region: 'NA',
        license: { id: h.emulator.tenant.licenses.find((l) => l.status === 'ACTIVE')?.id },
      }),
    });
    const body = (await response.body.json()) as { id: string; _links: Record<string, { href: string }> };
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(`http://tenant.example.test:8080/v1/environments/${body.id}`);
    for (const link of Object.values(body._links))
      expect(link.href.startsWith('http://tenant.example.test:8080/v1/')).toBe(true);
  });

  test('content types: hal+json for resources, application/json for errors', async () => {
    const ok = await h.call('GET', '/environments', { token });
    expect(ok.headers.get('content-type')).toBe('application/hal+json;charset=UTF-8');
    const error = await h.call('GET', '/environments');
    expect(error.headers.get('content-type')).toBe('application/json;charset=UTF-8');
  });

  test('unknown route → 404 NOT_FOUND; wrong method → 405 with Allow', async () => {
    const missing = await h.call('GET', '/no-such-thing', { token });
    expect(json<P1ErrorBody>(missing)).toMatchObject({
      code: 'NOT_FOUND',
      message: 'The request could not be completed. The requested resource was not found.',
    });
    const wrong = await h.call('PUT', `/environments/${envId}/users`, { token, json: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
  });

  test('malformed JSON on any write → 400 INVALID_REQUEST; a JSON array is refused too', async () => {
    const malformed = await h.call('POST', `/environments/${envId}/users`, {
      token,
      body: '{oops',
      contentType: 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(json<P1ErrorBody>(malformed).code).toBe('INVALID_REQUEST');
    const array = await h.call('PUT', `/environments/${envId}/mfaSettings`, {
      token,
      body: '[]',
      contentType: 'application/json',
    });
    expect(json<P1ErrorBody>(array).code).toBe('INVALID_REQUEST');
  });

  test('a body over 1 MiB → 413', async () => {
    const response = await h.call('POST', '/environments', {
      token,
      body: 'x'.repeat(1024 * 1024 + 1),
      contentType: 'application/json',
    });
    expect(response.status).toBe(413);
  });

  test('ids are lowercase UUIDs and timestamps ISO-8601 with milliseconds', async () => {
    const userId = await createUser(h, token, envId, 'shape-user');
    const user = json<Record<string, unknown>>(
      await h.call('GET', `/environments/${envId}/users/${userId}`, { token }),
    );
    expect(user.id).toMatch(UUID);
    expect(user.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});
