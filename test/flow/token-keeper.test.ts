import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { executeStep } from '../../src/flow/step/execute-step.ts';
import { TokenKeeper } from '../../src/flow/auth/token-keeper.ts';
import { createRunDeadline, type RunDeadline } from '../../src/process/run-deadline.ts';
import { RunVariables } from '../../src/flow/step/variables.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { redact } from '../../src/redact/secrets.ts';
import { schemaRegistry } from '../../src/schema/registry.ts';
import { getAccessToken } from '../../src/targets/pingone/steps/01-get-access-token.ts';
import { sendJson, startLocalServer, type LocalServer } from '../support/local-server.ts';
import { isPingOneTokenRejection } from '../../src/targets/pingone/token-rejection.ts';
import type { HttpClient, HttpRequest } from '../../src/http/types.ts';

// A tiny tenant: POST /env-1/as/token issues tok-keeper-N; GET /v1/things wants a token it accepts.
let server: LocalServer;
let issued = 0;
let expiresIn = 3600;
let tokenDelayMs = 0;
let tokenStatus = 200;
let accepts: (token: string) => boolean = () => true;
const SECRET = 'client-secret-keeper-5b1e';

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    if (request.method === 'POST' && request.url === '/env-1/as/token') {
      if (tokenStatus !== 200)
        return sendJson(response, tokenStatus, { error: 'invalid_client', error_description: 'bad client' });
      issued += 1;
      const body = {
        access_token: `tok-keeper-${issued}-${'x'.repeat(8)}`,
        token_type: 'Bearer',
        expires_in: expiresIn,
      };
      setTimeout(() => sendJson(response, 200, body), tokenDelayMs);
      return;
    }
    const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (accepts(token)) return sendJson(response, 200, { ok: true });
    sendJson(response, 401, {
      id: 'e',
      code: 'ACCESS_FAILED',
      message: 'no',
      details: [{ code: 'INVALID_TOKEN', message: 'The access token expired.' }],
    });
  });
});
afterAll(() => server.close());

let clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
  server.received.length = 0;
  issued = 0;
  expiresIn = 3600;
  tokenDelayMs = 0;
  tokenStatus = 200;
  accepts = () => true;
});

/** A run with a keeper-composed client, after step 01 ran through it (so the keeper saw the token issued). */
async function run(clock: { skewMs: number } = { skewMs: 0 }, runDeadline?: RunDeadline) {
  const vars = new RunVariables();
  vars.set('authPath', server.url, { from: 'config' });
  vars.set('adminEnvID', 'env-1', { from: 'config' });
  vars.set('adminAppID', 'app-1', { from: 'config' });
  vars.set('adminAppSecret', SECRET, { from: 'config', secret: true });
  const tokens = new TokenKeeper({
    vars,
    tokenStep: getAccessToken,
    isRejection: isPingOneTokenRejection,
    now: () => Date.now() + clock.skewMs,
  });
  const client = createHttpClient({
    timeoutMs: 2000,
    middleware: [tokens.middleware],
    ...(runDeadline ? { runDeadline } : {}),
  });
  tokens.attach(client.send);
  clients.push(client);
  await executeStep(
    { ...getAccessToken, expect: { status: 200 }, checks: [] },
    { client, vars, schemas: schemaRegistry(), tokens },
  );
  const get = (token = vars.text('accessToken')): HttpRequest => ({
    method: 'GET',
    url: `${server.url}/v1/things`,
    headers: { authorization: `Bearer ${token}` },
  });
  return { vars, tokens, client, get };
}

const tokenRequests = () => server.received.filter((request) => request.url.endsWith('/as/token')).length;
const bearers = () =>
  server.received
    .filter((request) => request.url === '/v1/things')
    .map((request) => request.headers.authorization);

describe('TokenKeeper', () => {
  test('refreshes before sending when the current token expires within the margin', async () => {
    const clock = { skewMs: 0 };
    const { vars, tokens, client, get } = await run(clock);
    const first = vars.text('accessToken');
    await client.send(get());
    expect(tokens.refreshes).toEqual([]);

    clock.skewMs = 3600_000 - 30_000; // 30 s left, inside the 60 s margin
    const response = await client.send(get());
    expect(response.status).toBe(200);
    const second = vars.text('accessToken');
    expect(second).not.toBe(first);
    expect(bearers()).toEqual([`Bearer ${first}`, `Bearer ${second}`]);
    expect(tokenRequests()).toBe(2);
    expect(tokens.refreshes).toMatchObject([{ reason: 'expiring', ok: true }]);
    expect(vars.origin('accessToken')).toEqual({ from: '01-get-access-token', secret: true });
    expect(redact(`Bearer ${second}`)).toBe('Bearer [REDACTED]');
  });

  test('a short lifetime refreshes a fraction of it before the end, not 60 s before', async () => {
    expiresIn = 10;
    const clock = { skewMs: 0 };
    const { tokens, client, get } = await run(clock);
    clock.skewMs = 7_000;
    await client.send(get());
    expect(tokens.refreshes).toHaveLength(0); // 3 s left > 20 % of 10 s
    clock.skewMs = 8_500;
    await client.send(get());
    expect(tokens.refreshes).toMatchObject([{ reason: 'expiring', ok: true }]);
  });

  test('after the whole-run deadline, teardown still gets a new token; other requests do not', async () => {
    const clock = { nowMs: Date.now() };
    const deadline = createRunDeadline({ atMs: clock.nowMs + 60_000, label: '1m', now: () => clock.nowMs });
    const { vars, tokens, client, get } = await run(undefined, deadline);
    const first = vars.text('accessToken');
    accepts = (token) => token !== first;
    clock.nowMs += 120_000;
    await expect(client.send(get())).rejects.toMatchObject({ code: 'RUN_DEADLINE' });
    const response = await client.send({ ...get(), teardown: true });
    expect(response.status).toBe(200);
    expect(tokens.refreshes).toMatchObject([{ reason: 'rejected', ok: true }]);
    expect(bearers()).toEqual([`Bearer ${first}`, `Bearer ${vars.text('accessToken')}`]);
  });

  test('a 401 INVALID_TOKEN is answered by one refresh and one replay', async () => {
    const { vars, tokens, client, get } = await run();
    const first = vars.text('accessToken');
    accepts = (token) => token !== first;
    const request = get();
    const response = await client.send(request);
    expect(response.status).toBe(200);
    expect(bearers()).toEqual([`Bearer ${first}`, `Bearer ${vars.text('accessToken')}`]);
    expect(tokenRequests()).toBe(2);
    expect(tokens.refreshes).toMatchObject([{ reason: 'rejected', ok: true }]);
    expect(tokens.retryOf(request)).toBe('replayed');
  });

  test('concurrent requests share one refresh, on rejection and before expiry', async () => {
    const clock = { skewMs: 0 };
    const { vars, tokens, client, get } = await run(clock);
    const first = vars.text('accessToken');
    accepts = (token) => token !== first;
    tokenDelayMs = 100;
    const rejected = await Promise.all(Array.from({ length: 6 }, () => client.send(get(first))));
    expect(rejected.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(tokenRequests()).toBe(2);
    expect(tokens.refreshes).toHaveLength(1);

    clock.skewMs = 3600_000;
    const expiring = await Promise.all(Array.from({ length: 6 }, () => client.send(get())));
    expect(expiring.every((response) => response.status === 200)).toBe(true);
    expect(tokenRequests()).toBe(3);
    expect(tokens.refreshes.map((refresh) => refresh.reason)).toEqual(['rejected', 'expiring']);
  });

  test('no loop: when the new token is rejected too, the request is replayed once and the 401 returned', async () => {
    const { tokens, client, get } = await run();
    accepts = () => false;
    const request = get();
    const response = await client.send(request);
    expect(response.status).toBe(401);
    expect(bearers()).toHaveLength(2);
    expect(tokenRequests()).toBe(2);
    expect(tokens.retryOf(request)).toBe('replayed');
    await client.send(get());
    expect(bearers()).toHaveLength(4); // each request: at most one refresh and one replay
    expect(tokenRequests()).toBe(3);
  });

  test('a request carrying another token is left alone, even when the run token is expiring', async () => {
    const clock = { skewMs: 0 };
    const { tokens, client, get } = await run(clock);
    clock.skewMs = 3600_000;
    accepts = () => false;
    const request = get('other-actor-token-3c9d');
    const response = await client.send(request);
    expect(response.status).toBe(401);
    expect(bearers()).toEqual(['Bearer other-actor-token-3c9d']);
    expect(tokenRequests()).toBe(1);
    expect(tokens.refreshes).toEqual([]);
    expect(tokens.retryOf(request)).toBe('foreign-token');
  });

  test('an old token of the run, sent on purpose, reaches the server as it is (an expired-token probe)', async () => {
    const { tokens, vars, client, get } = await run();
    const first = vars.text('accessToken');
    accepts = (token) => token !== first;
    await client.send(get());
    server.received.length = 0;
    const request = get(first);
    expect((await client.send(request)).status).toBe(401);
    expect(bearers()).toEqual([`Bearer ${first}`]);
    expect(tokens.retryOf(request)).toBe('foreign-token');
  });

  // Attack: a token endpoint that stopped answering cost the whole request timeout again at
  // every request that wanted a fresh token; after one time-out the keeper stops asking.
  test('a refresh that timed out is not tried again: later requests go out with the token held', async () => {
    const clock = { skewMs: 0 };
    const { tokens, client, get } = await run(clock);
    tokenDelayMs = 5_000; // longer than the client's 2 s timeout
    clock.skewMs = 3600_000 - 30_000; // inside the margin: every request wants a refresh
    for (let request = 0; request < 3; request += 1) expect((await client.send(get())).status).toBe(200);
    expect(tokenRequests()).toBe(2); // step 01, then one refresh that timed out
    expect(tokens.refreshes).toHaveLength(3);
    expect(tokens.refreshes[0]).toMatchObject({ reason: 'expiring', ok: false });
    expect(tokens.refreshes[2]?.problem).toMatch(/^not asked again: .*timed out after 2000 ms/);
  });

  test('when no new token can be had, the original 401 is returned and the failed refresh recorded', async () => {
    const { tokens, client, get } = await run();
    accepts = () => false;
    tokenStatus = 401;
    const request = get();
    const response = await client.send(request);
    expect(response.status).toBe(401);
    expect(bearers()).toHaveLength(1);
    expect(tokens.retryOf(request)).toBe('refresh-failed');
    expect(tokens.refreshes).toMatchObject([
      { reason: 'rejected', ok: false, problem: '01-get-access-token answered 401 without a token' },
    ]);
  });
});
