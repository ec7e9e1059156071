import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import {
  compose,
  connectionResetOnce,
  jsonAsTextPlain,
  rateLimitedOnce,
  routeOf,
  startServer,
  unavailableOnce,
} from '../../src/emulator/http/index.ts';
import type { EmulatorFault, RunningServer } from '../../src/emulator/http/index.ts';

/** A server answering `{path}` as JSON, behind one fault, counting what reaches the handler. */
async function serve(fault: EmulatorFault): Promise<{ server: RunningServer; handled: string[] }> {
  const handled: string[] = [];
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    handler: compose([fault.intercept], async (req) => {
      handled.push(`${req.method} ${req.path}`);
      return { status: 200, body: { path: req.path } };
    }),
  });
  return { server, handled };
}

async function call(server: RunningServer, method: string, path: string) {
  const response = await request(`${server.url}${path}`, {
    method,
    ...(method === 'GET' ? {} : { body: '{}' }),
  });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

test('routeOf masks UUIDs, long hex and numeric ids, never path words', () => {
  expect(routeOf('/v1/environments/0b6c4ad5-22a4-4d2a-9a4e-8d3c0e8f9a10/users/12345/mfaEnabled')).toBe(
    '/v1/environments/{id}/users/{id}/mfaEnabled',
  );
  expect(routeOf('/v1/login/oauth/access_token')).toBe('/v1/login/oauth/access_token');
  expect(routeOf('/v1/apps/a1b2c3d4e5f6a7b8c9d0')).toBe('/v1/apps/{id}');
});

describe('connection-reset-once', () => {
  let server: RunningServer;
  let handled: string[];
  beforeAll(async () => ({ server, handled } = await serve(connectionResetOnce)));
  afterAll(() => server.close());

  test('resets the first GET of each path (the client sees a reset, the handler nothing), then serves it', async () => {
    const error: unknown = await call(server, 'GET', '/a').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).cause)).toMatch(
      /ECONNRESET|UND_ERR_SOCKET|other side closed/,
    );
    expect(handled).toEqual([]);
    expect((await call(server, 'GET', '/a')).status).toBe(200);
    expect((await call(server, 'POST', '/b')).status).toBe(200);
    expect(handled).toEqual(['GET /a', 'POST /b']);
  });
});

describe('rate-limited-once and unavailable-once', () => {
  test('429 once per method, whatever the path', async () => {
    const { server, handled } = await serve(
      rateLimitedOnce(() => ({ status: 429, headers: { 'retry-after': '1' }, body: { code: 'LIMITED' } })),
    );
    try {
      const first = await call(server, 'POST', '/x');
      expect([first.status, first.headers['retry-after']]).toEqual([429, '1']);
      expect((await call(server, 'POST', '/y')).status).toBe(200);
      expect((await call(server, 'GET', '/x')).status).toBe(429);
      expect((await call(server, 'GET', '/x')).status).toBe(200);
      expect(handled).toEqual(['POST /y', 'GET /x']);
    } finally {
      await server.close();
    }
  });

  test('503 once per GET route, ids masked; writes pass', async () => {
    const { server } = await serve(
      unavailableOnce(() => ({ status: 503, headers: { 'retry-after': '1' }, body: { code: 'DOWN' } })),
    );
    try {
      const statuses = [];
      for (const [method, path] of [
        ['GET', '/users/11111111'],
        ['GET', '/users/22222222'],
        ['GET', '/users'],
        ['POST', '/users'],
      ] as const) {
        statuses.push((await call(server, method, path)).status);
      }
      expect(statuses).toEqual([503, 200, 503, 200]);
    } finally {
      await server.close();
    }
  });
});

test('json-as-text-plain relabels JSON bodies (also a body with no content type), keeps the bytes', async () => {
  const { server } = await serve(jsonAsTextPlain);
  try {
    const answer = await call(server, 'GET', '/thing');
    expect(answer.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(JSON.parse(answer.text)).toEqual({ path: '/thing' });
  } finally {
    await server.close();
  }
});
