import { describe, expect, test } from 'vitest';
import { compose, matchPattern, Router } from '../../../src/emulator/http/index.ts';
import type { EmulatorMiddleware, EmulatorRequest } from '../../../src/emulator/http/index.ts';

function request(method: string, path: string): EmulatorRequest {
  return {
    method,
    path,
    query: new URLSearchParams(),
    headers: {},
    rawBody: Buffer.alloc(0),
    contentType: '',
    origin: 'http://test.invalid',
    params: {},
    serverState: new Map(),
  };
}

function router(): Router {
  return new Router({
    notFound: async () => ({ status: 404, body: { route: 'none' } }),
    methodNotAllowed: async (_req, allowed) => ({ status: 405, headers: { allow: allowed.join(', ') } }),
  })
    .on('GET', '/v1/things/:id', async (req) => ({
      status: 200,
      body: { route: 'param', params: req.params },
    }))
    .on('DELETE', '/v1/things/:id', async () => ({ status: 204 }))
    .on('GET', '/v1/things/special', async () => ({ status: 200, body: { route: 'literal' } }));
}

describe('Router', () => {
  test('fills decoded route params', async () => {
    const response = await router().handle(request('GET', '/v1/things/a%20b'));
    expect(response.body).toEqual({ route: 'param', params: { id: 'a b' } });
  });

  test('prefers the pattern with more literal segments', async () => {
    const response = await router().handle(request('GET', '/v1/things/special'));
    expect(response.body).toEqual({ route: 'literal' });
  });

  test('answers a known path with the wrong method through methodNotAllowed, listing allowed methods', async () => {
    const response = await router().handle(request('PUT', '/v1/things/1'));
    expect(response).toEqual({ status: 405, headers: { allow: 'DELETE, GET' } });
  });

  test('answers an unknown path through notFound', async () => {
    const response = await router().handle(request('GET', '/v1/other'));
    expect(response.status).toBe(404);
  });

  test('ignores a trailing slash and refuses malformed percent-encoding', () => {
    expect(matchPattern('/a/:b', '/a/x/')).toEqual({ b: 'x' });
    expect(matchPattern('/a/:b', '/a/%E0%A4%A')).toBeUndefined();
  });
});

describe('compose', () => {
  test('runs middleware outermost first and lets one short-circuit or rewrite', async () => {
    const order: string[] = [];
    const tag =
      (name: string): EmulatorMiddleware =>
      async (_req, next) => {
        order.push(`${name} in`);
        const response = await next();
        order.push(`${name} out`);
        return { ...response, headers: { ...response.headers, [name]: 'seen' } };
      };
    const handler = compose([tag('a'), tag('b')], async () => {
      order.push('handler');
      return { status: 200 };
    });
    const response = await handler(request('GET', '/'));
    expect(order).toEqual(['a in', 'b in', 'handler', 'b out', 'a out']);
    expect(response.headers).toEqual({ a: 'seen', b: 'seen' });

    const shortCircuit: EmulatorMiddleware = async () => ({ status: 429 });
    let reached = false;
    const blocked = compose([shortCircuit], async () => {
      reached = true;
      return { status: 200 };
    });
    expect((await blocked(request('GET', '/'))).status).toBe(429);
    expect(reached).toBe(false);
  });
});
