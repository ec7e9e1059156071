import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/client.ts';
import { withExchangeSink } from '../../src/http/exchange-scope.ts';
import { recording } from '../../src/http/recording.ts';
import type { Exchange, HttpClient, Middleware } from '../../src/http/types.ts';
import { clearSecretsForTest, registerBasicCredentials, registerSecret } from '../../src/redact/secrets.ts';
import { closedPort, startLocalServer } from '../support/local-server.ts';
import type { LocalServer } from '../support/local-server.ts';

let server: LocalServer | undefined;
let client: HttpClient | undefined;

beforeEach(() => clearSecretsForTest());
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
  clearSecretsForTest();
});

describe('recording', () => {
  it('hands onExchange redacted copies while the server receives the real values', async () => {
    const secret = 's3cr3t-Value_42';
    registerSecret(secret);
    server = await startLocalServer((request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ echoed: request.body, note: `secret is ${secret}` }));
    });
    const exchanges: Exchange[] = [];
    client = createHttpClient({ onExchange: (exchange) => exchanges.push(exchange) });
    const request = {
      method: 'POST' as const,
      url: `${server.url}/v1/things?key=${encodeURIComponent(secret)}`,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ password: secret }),
    };
    const response = await client.send(request);

    expect(server.received[0]?.headers.authorization).toBe(`Bearer ${secret}`);
    expect(server.received[0]?.body).toBe(`{"password":"${secret}"}`);
    expect(response.bodyText).toContain(secret);
    expect(request.headers.authorization).toBe(`Bearer ${secret}`);

    expect(exchanges).toHaveLength(1);
    const exchange = exchanges[0];
    expect(exchange?.request.headers.authorization).toBe('Bearer [REDACTED]');
    expect(exchange?.request.body).toBe('{"password":"[REDACTED]"}');
    expect(exchange?.request.url).toBe(`${server.url}/v1/things?key=[REDACTED]`);
    expect(exchange?.response?.json).toEqual({
      echoed: '{"password":"[REDACTED]"}',
      note: 'secret is [REDACTED]',
    });
    expect(JSON.stringify(exchange)).not.toContain(secret);
    expect(exchange?.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts the base64 of id:secret in a Basic header after registerBasicCredentials', async () => {
    const clientId = '3f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const clientSecret = 'worker~app.Secret-123';
    registerBasicCredentials(clientId, clientSecret);
    server = await startLocalServer((_request, response) => response.end('{}'));
    const exchanges: Exchange[] = [];
    client = createHttpClient({ onExchange: (exchange) => exchanges.push(exchange) });
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    await client.send({
      method: 'POST',
      url: `${server.url}/as/token`,
      headers: { authorization: `Basic ${basic}` },
    });
    expect(server.received[0]?.headers.authorization).toBe(`Basic ${basic}`);
    expect(exchanges[0]?.request.headers.authorization).toBe('Basic [REDACTED]');
  });

  it('registers a token the response issues before recording it', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.payload-part.signature-part';
    server = await startLocalServer((_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
    });
    const exchanges: Exchange[] = [];
    client = createHttpClient({ onExchange: (exchange) => exchanges.push(exchange) });
    const response = await client.send({
      method: 'POST',
      url: `${server.url}/env/as/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=abc&client_secret=form+secret%21',
    });
    expect(response.json).toMatchObject({ access_token: token });
    expect(exchanges[0]?.response?.json).toEqual({
      access_token: '[REDACTED]',
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expect(exchanges[0]?.request.body).toBe(
      'grant_type=client_credentials&client_id=abc&client_secret=[REDACTED]',
    );
    expect(JSON.stringify(exchanges)).not.toContain('payload-part');
  });

  it('records a failed request with the error code and a redacted message, then rethrows', async () => {
    registerSecret('hidden-path-secret');
    const port = await closedPort();
    const exchanges: Exchange[] = [];
    client = createHttpClient({ onExchange: (exchange) => exchanges.push(exchange) });
    await expect(
      client.send({ method: 'GET', url: `http://127.0.0.1:${port}/hidden-path-secret`, headers: {} }),
    ).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.response).toBeUndefined();
    expect(exchanges[0]?.error?.code).toBe('CONNECTION_FAILED');
    expect(exchanges[0]?.request.url).toBe(`http://127.0.0.1:${port}/[REDACTED]`);
    expect(JSON.stringify(exchanges)).not.toContain('hidden-path-secret');
  });

  it('a request that middleware first reads for (a guard) starts when it is sent: after that read, listed after it', async () => {
    server = await startLocalServer((request, response) => {
      // The guard's read is slow; the DELETE it guards is quick.
      setTimeout(
        () => response.end(request.method === 'GET' ? '{"type":"SANDBOX"}' : ''),
        request.method === 'GET' ? 150 : 0,
      );
    });
    const guard: Middleware = async (request, next) => {
      if (request.method === 'DELETE') await recording()({ ...request, method: 'GET' }, next);
      return next(request);
    };
    client = createHttpClient({ middleware: [guard] });
    const exchanges: Exchange[] = [];
    await withExchangeSink(
      (exchange) => exchanges.push(exchange),
      () => client!.send({ method: 'DELETE', url: `${server!.url}/v1/environments/e1`, headers: {} }),
    );
    expect(exchanges.map((exchange) => exchange.request.method)).toEqual(['GET', 'DELETE']);
    const [read, deletion] = exchanges as [Exchange, Exchange];
    expect(read.durationMs).toBeGreaterThanOrEqual(140);
    expect(deletion.startMs).toBeGreaterThanOrEqual(read.startMs + read.durationMs);
    expect(deletion.durationMs).toBeLessThan(100);
    expect(Date.parse(deletion.startedAt)).toBeGreaterThanOrEqual(
      Math.floor(read.startMs + read.durationMs) - 1,
    );
  });
});
