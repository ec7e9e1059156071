import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/http/transport-error.ts';
import { createRunDeadline } from '../../src/process/run-deadline.ts';
import {
  BUILT_IN_ORDER,
  INNER_BUILT_IN_ORDER,
  buildMiddleware,
  createHttpClient,
} from '../../src/http/client.ts';
import { compose } from '../../src/http/compose.ts';
import { timing } from '../../src/http/timing.ts';
import type { Exchange, HttpClient, HttpRequest, HttpResponse, Middleware } from '../../src/http/types.ts';
import { startLocalServer } from '../support/local-server.ts';
import type { LocalServer } from '../support/local-server.ts';

let server: LocalServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

function tracing(name: string, log: string[]): Middleware {
  return async (request, next) => {
    log.push(`${name} in`);
    const response = await next(request);
    log.push(`${name} out`);
    return response;
  };
}

describe('compose', () => {
  it('makes the first middleware the outermost', async () => {
    const log: string[] = [];
    const terminal = async (): Promise<HttpResponse> => {
      log.push('terminal');
      return { status: 200, headers: {}, bodyText: '', json: undefined, durationMs: 0 };
    };
    const handler = compose([tracing('a', log), tracing('b', log), tracing('c', log)], terminal);
    await handler({ method: 'GET', url: 'http://unused.invalid/', headers: {} });
    expect(log).toEqual(['a in', 'b in', 'c in', 'terminal', 'c out', 'b out', 'a out']);
  });

  it('returns the terminal itself for no middleware', () => {
    const terminal = async (): Promise<HttpResponse> => ({
      status: 200,
      headers: {},
      bodyText: '',
      json: undefined,
      durationMs: 0,
    });
    expect(compose([], terminal)).toBe(terminal);
  });
});

describe('built-in order', () => {
  it('is timing, then recording, then retry, then secret-capture, then user middleware', () => {
    expect(BUILT_IN_ORDER).toEqual(['timing', 'recording', 'retry', 'secret-capture']);
    const user = tracing('user', []);
    const chain = buildMiddleware({ onExchange: () => undefined, middleware: [user] });
    expect(chain).toHaveLength(5);
    expect(chain[0]).toBe(timing);
    expect(chain[3]?.name).toBe('capturingSecrets');
    expect(chain[4]).toBe(user);
    // Without a listener of its own the client still records for the work that sends (exchange-scope.ts).
    const scoped = buildMiddleware({ middleware: [user] });
    expect(scoped).toHaveLength(5);
    expect([scoped[0], scoped[4]]).toEqual([timing, user]);
    expect(scoped[3]?.name).toBe('capturingSecrets');
  });

  it('retries inside timing and recording and outside user middleware: one send, one exchange, every attempt seen', async () => {
    let calls = 0;
    server = await startLocalServer((_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.writeHead(429, { 'retry-after': '0' });
        response.end();
        return;
      }
      response.end('{"ok":true}');
    });
    const log: string[] = [];
    const exchanges: Exchange[] = [];
    client = createHttpClient({
      middleware: [tracing('user', log)],
      onExchange: (exchange) => exchanges.push(exchange),
    });
    const response = await client.send({ method: 'POST', url: server.url, headers: {}, body: '{}' });

    expect(response.status).toBe(200);
    // The user middleware (the token keeper's place) runs once per attempt...
    expect(log).toEqual(['user in', 'user out', 'user in', 'user out']);
    // ...while recording sees one exchange that lists the retry, and timing covers both attempts.
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.response?.retries?.attempts).toEqual([
      { outcome: '429', waitedMs: 0, basis: 'Retry-After' },
    ]);
    expect(response.retries?.attempts).toHaveLength(1);
  });

  it('puts run-deadline inside user middleware, next to the network, and only when the run has a deadline', () => {
    expect(INNER_BUILT_IN_ORDER).toEqual(['run-deadline']);
    const user = tracing('user', []);
    const runDeadline = createRunDeadline({ atMs: Date.now() + 60_000, label: '1m' });
    const chain = buildMiddleware({ middleware: [user], runDeadline });
    expect(chain).toHaveLength(6);
    expect([chain[0], chain[4]]).toEqual([timing, user]);
    expect(chain[3]?.name).toBe('capturingSecrets');
    expect(chain[5]).not.toBe(user);
    expect(buildMiddleware({ middleware: [user] }).at(-1)).toBe(user);
  });

  it("checks each attempt inside user middleware, which still gets the caller's request object; recording sees the refusal", async () => {
    server = await startLocalServer((_request, response) => response.end('{}'));
    const seen: HttpRequest[] = [];
    const exchanges: Exchange[] = [];
    const user: Middleware = (request, next) => {
      seen.push(request);
      return next(request);
    };
    client = createHttpClient({
      middleware: [user],
      onExchange: (exchange) => exchanges.push(exchange),
      runDeadline: createRunDeadline({ atMs: Date.now() - 1, label: '1m' }),
    });
    const request: HttpRequest = { method: 'GET', url: server.url, headers: {} };
    const error: unknown = await client.send(request).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('RUN_DEADLINE');
    // The user middleware (the token keeper's place) ran, with the very object the caller passed...
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe(request);
    // ...nothing reached the server, and the recorded exchange names the refusal.
    expect(server.received).toHaveLength(0);
    expect(exchanges.map((exchange) => exchange.error?.code)).toEqual(['RUN_DEADLINE']);
  });

  it('runs user middleware inside recording and timing, in list order', async () => {
    server = await startLocalServer((_request, response) => response.end('{"ok":true}'));
    const log: string[] = [];
    const exchanges: Exchange[] = [];
    // The user middleware marks the response; where the mark survives shows who wraps whom.
    const marking: Middleware = async (request, next) => {
      const response = await next(request);
      return { ...response, headers: { ...response.headers, 'x-marked': 'user' }, durationMs: -1 };
    };
    client = createHttpClient({
      middleware: [tracing('first', log), tracing('second', log), marking],
      onExchange: (exchange) => {
        log.push('recorded');
        exchanges.push(exchange);
      },
    });
    const response = await client.send({ method: 'GET', url: server.url, headers: {} });

    expect(log).toEqual(['first in', 'second in', 'second out', 'first out', 'recorded']);
    // recording is outside the user middleware: it saw the user's mark and durationMs...
    expect(exchanges[0]?.response?.headers['x-marked']).toBe('user');
    expect(exchanges[0]?.response?.durationMs).toBe(-1);
    // ...and timing is outside recording: it replaced durationMs last.
    expect(response.headers['x-marked']).toBe('user');
    expect(response.durationMs).toBeGreaterThanOrEqual(0);
  });
});
