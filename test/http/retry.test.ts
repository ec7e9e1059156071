import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/http/transport-error.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { retriesOf } from '../../src/http/retry.ts';
import type { HttpClient, HttpRequest } from '../../src/http/types.ts';
import { startLocalServer } from '../support/local-server.ts';
import type { LocalServer } from '../support/local-server.ts';
import type { ServerResponse } from 'node:http';

let server: LocalServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

/** A server whose first `times` requests get `failure`, and the rest 200 with a JSON body. */
async function failingFirst(
  times: number,
  failure: (response: ServerResponse) => void,
): Promise<LocalServer> {
  let seen = 0;
  return startLocalServer((_request, response) => {
    seen += 1;
    if (seen <= times) return failure(response);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  });
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  (response: ServerResponse) => {
    response.writeHead(code, { 'content-type': 'application/json', ...headers });
    response.end('{"code":"REQUEST_LIMITED"}');
  };
const reset = (response: ServerResponse) => response.socket?.destroy();
const fast = { baseDelayMs: 10, maxDelayMs: 50, jitterMs: 5 };

function post(url: string): HttpRequest {
  return { method: 'POST', url, headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' };
}

describe('retry: 429 on any method, honouring Retry-After', () => {
  it('waits the seconds of Retry-After, then sends the same POST again', async () => {
    server = await failingFirst(1, status(429, { 'retry-after': '1' }));
    client = createHttpClient();
    const started = performance.now();
    const response = await client.send(post(`${server.url}/v1/environments`));
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.received.map((request) => `${request.method} ${request.body}`)).toEqual([
      'POST {"name":"x"}',
      'POST {"name":"x"}',
    ]);
    expect(response.retries).toEqual({
      attempts: [{ outcome: '429', waitedMs: 1000, basis: 'Retry-After' }],
    });
  });

  it('waits until the HTTP-date of Retry-After', async () => {
    server = await failingFirst(1, (response) =>
      status(429, { 'retry-after': new Date(Date.now() + 1500).toUTCString() })(response),
    );
    client = createHttpClient();
    const response = await client.send(post(`${server.url}/v1/environments`));
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
    const [attempt] = response.retries?.attempts ?? [];
    expect(attempt?.basis).toBe('Retry-After');
    // toUTCString drops milliseconds, so the date is 0.5-1.5 s away.
    expect(attempt?.waitedMs).toBeGreaterThan(300);
    expect(attempt?.waitedMs).toBeLessThanOrEqual(1500);
  });

  it('does not wait for a Retry-After longer than the deadline: the 429 comes back at once with the reason', async () => {
    server = await failingFirst(5, status(429, { 'retry-after': '120' }));
    client = createHttpClient({ deadlineMs: 2000 });
    const started = performance.now();
    const response = await client.send(post(`${server.url}/v1/environments`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.status).toBe(429);
    expect(server.received).toHaveLength(1);
    expect(response.retries?.stopped).toMatch(
      /^429 not retried: Retry-After \(120\) asks for 120000 ms, more than the \d+ ms left of the 2000 ms step deadline$/,
    );
  });

  it('lets a request carry its own deadline', async () => {
    server = await failingFirst(1, status(429, { 'retry-after': '1' }));
    client = createHttpClient();
    const response = await client.send({ ...post(`${server.url}/x`), deadlineMs: 500 });
    expect(response.status).toBe(429);
    expect(response.retries?.stopped).toContain('500 ms step deadline');
  });
});

describe('retry: 502/503/504 and resets only on idempotent methods', () => {
  it('retries a 503 on GET with back-off', async () => {
    server = await failingFirst(2, status(503));
    client = createHttpClient({ retry: fast });
    const response = await client.send({
      method: 'GET',
      url: `${server.url}/v1/environments`,
      headers: {},
    });
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(3);
    expect(response.retries?.attempts.map((attempt) => [attempt.outcome, attempt.basis])).toEqual([
      ['503', 'back-off'],
      ['503', 'back-off'],
    ]);
  });

  it('never replays a POST after a 503: it may have been processed', async () => {
    server = await failingFirst(1, status(503));
    client = createHttpClient({ retry: fast });
    const response = await client.send(post(`${server.url}/v1/environments`));
    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(1);
    expect(response.retries?.attempts).toEqual([]);
    expect(response.retries?.stopped).toContain(
      '503 to a POST is not retried: the request may have been processed',
    );
  });

  it('retries a GET whose connection was reset', async () => {
    server = await failingFirst(1, reset);
    client = createHttpClient({ retry: fast });
    const response = await client.send({
      method: 'GET',
      url: `${server.url}/v1/environments`,
      headers: {},
    });
    expect(response.status).toBe(200);
    expect(server.received).toHaveLength(2);
    expect(response.retries?.attempts[0]?.outcome).toMatch(/^CONNECTION_FAILED \(/);
  });

  it('does not replay a POST whose connection was reset; the reason is kept for the evidence', async () => {
    server = await failingFirst(1, reset);
    client = createHttpClient({ retry: fast });
    const request = post(`${server.url}/v1/environments`);
    const error: unknown = await client.send(request).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('CONNECTION_FAILED');
    expect(server.received).toHaveLength(1);
    expect(retriesOf(request)?.stopped).toMatch(/^CONNECTION_FAILED \(\w+\) to a POST is not retried/);
  });

  it('leaves other statuses alone (500, 404, 401)', async () => {
    server = await failingFirst(1, status(500));
    client = createHttpClient({ retry: fast });
    const response = await client.send({ method: 'GET', url: server.url, headers: {} });
    expect(response.status).toBe(500);
    expect(response.retries).toBeUndefined();
  });

  it("retries a teardown's DELETE answered 500 (deleting twice deletes once; giving up leaves it in the tenant)", async () => {
    server = await failingFirst(1, status(500));
    client = createHttpClient({ retry: fast });
    const response = await client.send({
      method: 'DELETE',
      url: `${server.url}/v1/environments/e1`,
      headers: {},
      teardown: true,
    });
    expect(response.status).toBe(200);
    expect(server.received.map((each) => each.method)).toEqual(['DELETE', 'DELETE']);
    expect(response.retries?.attempts[0]?.outcome).toBe('500');
  });
});

describe('retry: bounds', () => {
  it('stops after maxAttempts', async () => {
    server = await failingFirst(100, status(503));
    client = createHttpClient({ retry: { ...fast, maxAttempts: 3 } });
    const response = await client.send({ method: 'GET', url: server.url, headers: {} });
    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(3);
    expect(response.retries?.attempts).toHaveLength(2);
    expect(response.retries?.stopped).toBe('gave up after 3 attempts (the last got 503)');
  });

  it('stops before a back-off would pass the deadline', async () => {
    server = await failingFirst(100, status(503));
    client = createHttpClient({
      deadlineMs: 600,
      retry: { baseDelayMs: 200, maxDelayMs: 10_000, jitterMs: 0, maxAttempts: 50 },
    });
    const started = performance.now();
    const response = await client.send({ method: 'GET', url: server.url, headers: {} });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.status).toBe(503);
    // 200 + 400 ms of back-off fit; the next 800 ms would not.
    expect(response.retries?.attempts.map((attempt) => attempt.waitedMs)).toEqual([200]);
    expect(response.retries?.stopped).toMatch(
      /^503 not retried: the next back-off of 400 ms, more than the \d+ ms left of the 600 ms step deadline$/,
    );
  });

  it('is off with maxAttempts 1', async () => {
    server = await failingFirst(1, status(429, { 'retry-after': '0' }));
    client = createHttpClient({ retry: { maxAttempts: 1 } });
    const response = await client.send(post(server.url));
    expect(response.status).toBe(429);
    expect(response.retries?.stopped).toBe('gave up after 1 attempt (the last got 429)');
  });
});
