import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/http/transport-error.ts';
import { clearSecretsForTest, registerSecret } from '../../src/redact/secrets.ts';
import { createHttpClient } from '../../src/http/client.ts';
import type { HttpClient } from '../../src/http/types.ts';
import { closedPort, startLocalServer } from '../support/local-server.ts';
import type { LocalServer } from '../support/local-server.ts';

let server: LocalServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('createHttpClient', () => {
  it('sends method, headers and body, and parses a JSON response', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(201, { 'Content-Type': 'application/json', Location: '/v1/things/1' });
      response.end(JSON.stringify({ id: '1', name: 'thing' }));
    });
    client = createHttpClient();
    const response = await client.send({
      method: 'POST',
      url: `${server.url}/v1/things?x=1`,
      headers: { 'content-type': 'application/json', 'X-Custom': 'yes' },
      body: '{"name":"thing"}',
    });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({ id: '1', name: 'thing' });
    expect(response.bodyText).toBe('{"id":"1","name":"thing"}');
    expect(response.headers.location).toBe('/v1/things/1');
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
    expect(server.received[0]).toMatchObject({
      method: 'POST',
      url: '/v1/things?x=1',
      body: '{"name":"thing"}',
      headers: { 'x-custom': 'yes', 'content-type': 'application/json' },
    });
  });

  it('leaves json undefined for a non-JSON or empty body', async () => {
    server = await startLocalServer((request, response) => {
      response.writeHead(request.url === '/empty' ? 204 : 200, { 'Content-Type': 'text/html' });
      response.end(request.url === '/empty' ? undefined : '<html>not json</html>');
    });
    client = createHttpClient();
    const html = await client.send({ method: 'GET', url: `${server.url}/page`, headers: {} });
    expect(html.bodyText).toBe('<html>not json</html>');
    expect(html.json).toBeUndefined();
    const empty = await client.send({ method: 'DELETE', url: `${server.url}/empty`, headers: {} });
    expect(empty.status).toBe(204);
    expect(empty.bodyText).toBe('');
    expect(empty.json).toBeUndefined();
  });

  it('lower-cases header names and joins repeated values with ", "', async () => {
    server = await startLocalServer((_request, response) => {
      response.setHeader('Correlation-Id', 'abc-123');
      response.setHeader('Set-Cookie', ['a=1', 'b=2']);
      response.setHeader('X-Multi', ['one', 'two']);
      response.end('ok');
    });
    client = createHttpClient();
    const response = await client.send({ method: 'GET', url: server.url, headers: {} });
    expect(response.headers['correlation-id']).toBe('abc-123');
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(response.headers['x-multi']).toBe('one, two');
    expect(Object.keys(response.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('times out a server that never answers: TIMEOUT naming method, path and timeout', async () => {
    server = await startLocalServer(() => {
      // never respond
    });
    client = createHttpClient({ timeoutMs: 5_000 });
    const error = await failure(
      client.send({ method: 'GET', url: `${server.url}/v1/slow?token=abc`, headers: {}, timeoutMs: 200 }),
    );
    expect(error.code).toBe('TIMEOUT');
    expect(error.fault).toBe('api');
    // The total timeout (headers and body together) fires no later than undici's own.
    expect(error.causeCode).toBe('REQUEST_TIMEOUT');
    expect(error.message).toContain('GET /v1/slow timed out after 200 ms');
    expect(error.message).not.toContain('node_modules');
    expect(error.method).toBe('GET');
  });

  it('times out a body that stalls after the headers', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"partial":');
    });
    client = createHttpClient({ timeoutMs: 200 });
    const error = await failure(client.send({ method: 'GET', url: `${server.url}/drip`, headers: {} }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.causeCode).toBe('REQUEST_TIMEOUT');
    expect(error.message).toContain('the response body');
  });

  it('reports a refused connection as CONNECTION_FAILED naming the host (the tenant is unreachable)', async () => {
    const port = await closedPort();
    client = createHttpClient();
    const error = await failure(
      client.send({ method: 'GET', url: `http://127.0.0.1:${port}/v1`, headers: {} }),
    );
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.fault).toBe('unreachable');
    expect(error.causeCode).toBe('ECONNREFUSED');
    expect(error.message).toContain(`Cannot connect to 127.0.0.1:${port}`);
    expect(error.message).toMatch(/check the URL and the region/i);
  });

  it('reports https to a plain-http port as TLS_FAILED, a URL to fix (config)', async () => {
    server = await startLocalServer((_request, response) => response.end('plain'));
    client = createHttpClient({ timeoutMs: 2_000 });
    const error = await failure(
      client.send({ method: 'GET', url: server.url.replace('http:', 'https:'), headers: {} }),
    );
    expect(error.code).toBe('TLS_FAILED');
    expect(error.fault).toBe('config');
    expect(error.message).toContain('127.0.0.1');
  });

  it('stops reading a body over maxBodyBytes: BODY_TOO_LARGE', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      for (let chunk = 0; chunk < 8; chunk += 1) response.write(Buffer.alloc(1024, 97));
      response.end();
    });
    client = createHttpClient({ maxBodyBytes: 4096 });
    const error = await failure(client.send({ method: 'GET', url: `${server.url}/big`, headers: {} }));
    expect(error.code).toBe('BODY_TOO_LARGE');
    expect(error.fault).toBe('config');
    expect(error.message).toContain('4096 bytes');

    const small = await client
      .send({ method: 'GET', url: `${server.url}/big`, headers: {} })
      .catch(() => 'failed');
    expect(small).toBe('failed');
    await client.close();
    client = createHttpClient({ maxBodyBytes: 8192 });
    const exact = await client.send({ method: 'GET', url: `${server.url}/big`, headers: {} });
    expect(exact.bodyText).toHaveLength(8192);
  });

  it('redacts a registered secret from the url a TransportError carries', async () => {
    clearSecretsForTest();
    registerSecret('query-secret-value');
    const port = await closedPort();
    client = createHttpClient();
    const error = await failure(
      client.send({ method: 'GET', url: `http://127.0.0.1:${port}/x?s=query-secret-value`, headers: {} }),
    );
    expect(error.url).toBe(`http://127.0.0.1:${port}/x?s=[REDACTED]`);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('query-secret-value');
    clearSecretsForTest();
  });
});
