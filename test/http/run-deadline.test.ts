import { performance } from 'node:perf_hooks';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/http/transport-error.ts';
import { createRunDeadline, type RunDeadline } from '../../src/process/run-deadline.ts';
import { createHttpClient } from '../../src/http/client.ts';
import type { HttpClient, HttpRequest } from '../../src/http/types.ts';
import { startLocalServer, type LocalServer } from '../support/local-server.ts';

let server: LocalServer | undefined;
let client: HttpClient | undefined;
/** Responses a hanging server holds, ended after each test so the server can close. */
const held: ServerResponse[] = [];

afterEach(async () => {
  for (const response of held.splice(0)) response.destroy();
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

function deadlineIn(ms: number, label = '20m'): RunDeadline {
  return createRunDeadline({ atMs: Date.now() + ms, label });
}

function get(path: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { method: 'GET', url: `${server?.url}${path}`, headers: {}, ...extra };
}

async function failure(send: Promise<unknown>): Promise<TransportError> {
  const error = await send.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('the whole-run deadline in the HTTP client', () => {
  it('stops a request in flight when the deadline passes, though its timeout and step deadline are longer', async () => {
    server = await startLocalServer((_request, response) => held.push(response));
    client = createHttpClient({ timeoutMs: 30_000, deadlineMs: 60_000, runDeadline: deadlineIn(300) });
    const started = performance.now();
    const error = await failure(client.send(get('/v1/environments/e1/users')));

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.received).toHaveLength(1);
    expect(error.code).toBe('RUN_DEADLINE');
    expect(error.fault).toBe('api');
    expect(error.message).toMatch(
      /^GET \/v1\/environments\/e1\/users was stopped in flight after \d+ ms without a complete response: the whole-run deadline \(20m, --deadline\) passed; teardown still runs\.$/,
    );
  });

  it('stops a response whose body stalls', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"partial":');
      held.push(response);
    });
    client = createHttpClient({ runDeadline: deadlineIn(300) });
    const error = await failure(client.send(get('/slow-body')));
    expect(error.code).toBe('RUN_DEADLINE');
    expect(error.message).toContain('stopped in flight');
  });

  it('fails a send after the deadline at once, without sending it', async () => {
    server = await startLocalServer((_request, response) => response.end('{}'));
    client = createHttpClient({ runDeadline: deadlineIn(-1_000, '90s') });
    const started = performance.now();
    const error = await failure(client.send(get('/v1/environments')));

    expect(performance.now() - started).toBeLessThan(100);
    expect(server.received).toHaveLength(0);
    expect(error.code).toBe('RUN_DEADLINE');
    expect(error.message).toBe(
      'GET /v1/environments was not sent: the whole-run deadline (90s, --deadline) passed; teardown ' +
        'still runs.',
    );
  });

  it('lets a teardown request through after the deadline, and does not stop one in flight', async () => {
    server = await startLocalServer((request, response) => {
      setTimeout(() => response.writeHead(204).end(), request.url === '/slow' ? 500 : 0);
    });
    client = createHttpClient({ runDeadline: deadlineIn(-1_000) });
    const passed = await client.send({ ...get('/gone'), method: 'DELETE', teardown: true });
    expect(passed.status).toBe(204);
    await client.close();

    client = createHttpClient({ runDeadline: deadlineIn(100) });
    const slow = await client.send({ ...get('/slow'), method: 'DELETE', teardown: true });
    expect(slow.status).toBe(204);
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual([
      'DELETE /gone',
      'DELETE /slow',
    ]);
  });

  it('does not wait for a Retry-After that ends past the deadline, and says which deadline', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
      response.end('{"code":"UNAVAILABLE"}');
    });
    // The 60 s step deadline would allow the wait; the run has 2 s left.
    client = createHttpClient({ deadlineMs: 60_000, runDeadline: deadlineIn(2_000, '3s') });
    const started = performance.now();
    const response = await client.send(get('/v1/environments'));

    expect(performance.now() - started).toBeLessThan(1_500);
    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(1);
    expect(response.retries?.stopped).toMatch(
      /^503 not retried: Retry-After \(5\) asks for 5000 ms, more than the \d+ ms left before the whole-run deadline \(3s, --deadline\)$/,
    );
  });
});
