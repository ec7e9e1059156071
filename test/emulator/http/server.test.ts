import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request } from 'undici';
import {
  parseFormBody,
  parseJsonObject,
  startServer,
  BodyParseError,
} from '../../../src/emulator/http/index.ts';
import type { RunningServer } from '../../../src/emulator/http/index.ts';

describe('startServer', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: 64,
      onBodyTooLarge: () => ({ status: 413, body: { tooLarge: true } }),
      handler: async (req) => {
        if (req.path === '/text') return { status: 200, body: 'plain' };
        if (req.path === '/empty') return { status: 204 };
        if (req.path === '/form') return { status: 200, body: Object.fromEntries(parseFormBody(req)) };
        if (req.path === '/json') {
          try {
            return { status: 200, body: parseJsonObject(req) };
          } catch (error) {
            return {
              status: 400,
              body: { problem: error instanceof BodyParseError ? error.problem : 'other' },
            };
          }
        }
        return {
          status: 200,
          headers: { 'x-custom': 'yes' },
          body: {
            method: req.method,
            path: req.path,
            q: req.query.get('q'),
            origin: req.origin,
            type: req.contentType,
          },
        };
      },
    });
  });
  afterAll(() => server.close());

  test('binds an ephemeral port and reports its URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  test('builds the request value: method, path, query, media type, origin from the Host header', async () => {
    const response = await request(`${server.url}/x/y?q=1`, {
      method: 'POST',
      headers: { host: 'example.test:8443', 'content-type': 'Application/JSON; charset=utf-8' },
      body: '{}',
    });
    expect(response.headers['x-custom']).toBe('yes');
    expect(response.headers['content-type']).toBe('application/json');
    expect(await response.body.json()).toEqual({
      method: 'POST',
      path: '/x/y',
      q: '1',
      origin: 'http://example.test:8443',
      type: 'application/json',
    });
  });

  test('serializes strings as text and omits empty bodies', async () => {
    const text = await fetch(`${server.url}/text`);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toBe('plain');
    const empty = await fetch(`${server.url}/empty`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  test('parses form and JSON bodies, classifying malformed JSON', async () => {
    const form = await fetch(`${server.url}/form`, { method: 'POST', body: 'a=1&b=two+words' });
    expect(await form.json()).toEqual({ a: '1', b: 'two words' });
    const malformed = await fetch(`${server.url}/json`, { method: 'POST', body: '{"a":' });
    expect(await malformed.json()).toEqual({ problem: 'malformed-json' });
    const array = await fetch(`${server.url}/json`, { method: 'POST', body: '[1]' });
    expect(await array.json()).toEqual({ problem: 'not-an-object' });
  });

  test('refuses a body over the size limit with the configured answer', async () => {
    const response = await fetch(`${server.url}/json`, { method: 'POST', body: 'x'.repeat(65) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ tooLarge: true });
  });

  test('close ends keep-alive connections promptly', async () => {
    const other = await startServer({
      host: '127.0.0.1',
      port: 0,
      handler: async () => ({ status: 200, body: {} }),
    });
    await fetch(other.url);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fetch(other.url)).rejects.toThrow();
  });
});
