import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/client.ts';
import { withExchangeSink } from '../../src/http/exchange-scope.ts';
import type { Exchange, HttpClient, Middleware } from '../../src/http/types.ts';
import { clearSecretsForTest, registerSecret } from '../../src/redact/secrets.ts';
import { startLocalServer, type LocalServer } from '../support/local-server.ts';

let server: LocalServer | undefined;
let client: HttpClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  clearSecretsForTest();
});

/** A server answering `/slow/*` after 80 ms and the rest at once, echoing the path. */
async function slowAndFast(): Promise<LocalServer> {
  return startLocalServer((request, response) => {
    const answer = () => {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ path: request.url }));
    };
    if (request.url.startsWith('/slow')) setTimeout(answer, 80);
    else answer();
  });
}

describe('exchange scopes', () => {
  it('gives each concurrent piece of work only the exchanges it sent, with when each started', async () => {
    server = await slowAndFast();
    client = createHttpClient();
    const url = server.url;
    const a: Exchange[] = [];
    const b: Exchange[] = [];
    const send = (path: string) => client!.send({ method: 'GET', url: `${url}${path}`, headers: {} });
    await Promise.all([
      withExchangeSink(
        (exchange) => a.push(exchange),
        async () => {
          await send('/slow/a1');
          await send('/a2');
        },
      ),
      withExchangeSink(
        (exchange) => b.push(exchange),
        () => send('/b1'),
      ),
      // Outside any scope: recorded by nobody.
      send('/nobody'),
    ]);
    expect(a.map((exchange) => new URL(exchange.request.url).pathname)).toEqual(['/slow/a1', '/a2']);
    expect(b.map((exchange) => new URL(exchange.request.url).pathname)).toEqual(['/b1']);
    // b1 was sent while a1 was still waiting: a report can draw them side by side.
    const [a1] = a;
    const [b1] = b;
    expect(b1!.startMs).toBeLessThan(a1!.startMs + a1!.durationMs);
    expect(Math.abs(Date.parse(a1!.startedAt) - a1!.startMs)).toBeLessThan(1);
  });

  it('attributes a request a middleware sends on the way (a token refresh) to the work that caused it', async () => {
    server = await slowAndFast();
    const url = server.url;
    let refreshing = false;
    const refresh: Middleware = async (request, next) => {
      if (!refreshing && request.url.endsWith('/needs-token')) {
        refreshing = true;
        await client!.send({ method: 'POST', url: `${url}/token`, headers: {}, body: 'grant_type=x' });
        refreshing = false;
      }
      return next(request);
    };
    client = createHttpClient({ middleware: [refresh] });
    const seen: Exchange[] = [];
    await withExchangeSink(
      (exchange) => seen.push(exchange),
      () => client!.send({ method: 'GET', url: `${url}/needs-token`, headers: {} }),
    );
    expect(
      seen.map((exchange) => `${exchange.request.method} ${new URL(exchange.request.url).pathname}`),
    ).toEqual(['POST /token', 'GET /needs-token']);
  });

  it('hands the scope redacted copies only', async () => {
    const secret = 'scope-S3cret-value-77';
    registerSecret(secret);
    server = await startLocalServer((_request, response) => response.end(JSON.stringify({ echo: secret })));
    client = createHttpClient();
    const seen: Exchange[] = [];
    await withExchangeSink(
      (exchange) => seen.push(exchange),
      () =>
        client!.send({
          method: 'GET',
          url: `${server!.url}/x`,
          headers: { authorization: `Bearer ${secret}` },
        }),
    );
    expect(seen).toHaveLength(1);
    expect(JSON.stringify(seen)).not.toContain(secret);
    expect(seen[0]?.request.headers.authorization).toBe('Bearer [REDACTED]');
  });
});
