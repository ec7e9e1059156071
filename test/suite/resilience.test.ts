import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { StepFailedError } from '../../src/flow/step/step-failed-error.ts';
import { executeStep } from '../../src/flow/step/execute-step.ts';
import { RunVariables } from '../../src/flow/step/variables.ts';
import { createHttpClient, type HttpClientOptions } from '../../src/http/client.ts';
import { schemaRegistry } from '../../src/schema/registry.ts';
import { startLocalServer, type LocalServer } from '../support/local-server.ts';
import type { ServerResponse } from 'node:http';
import type { StepDefinition } from '../../src/flow/step/step.ts';
import type { HttpMethod } from '../../src/http/types.ts';

/** What the server does with each request, in order; the last answer repeats. */
type Answer = (response: ServerResponse) => void;
let answers: Answer[] = [];
let server: LocalServer;

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (response) => {
    response.writeHead(status, {
      'content-type': 'application/json',
      'correlation-id': 'corr-resilience',
      ...headers,
    });
    response.end(JSON.stringify(body));
  };
const limited = (retryAfter: string) =>
  json(429, { code: 'REQUEST_LIMITED', message: 'Too many requests.' }, { 'retry-after': retryAfter });
const unavailable = json(503, { code: 'SERVICE_UNAVAILABLE', message: 'Retry later.' });

beforeAll(async () => {
  server = await startLocalServer((_request, response) => {
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    answer?.(response);
  });
});
beforeEach(() => server.received.splice(0));
afterAll(() => server.close());

function step(method: HttpMethod, schema?: string): StepDefinition {
  return {
    id: 'r1-thing',
    title: 'Work with a thing',
    request: {
      method,
      url: '{{apiPath}}/things',
      auth: { type: 'none' },
      ...(method === 'POST' ? { body: { json: { name: 'thing' } } } : {}),
    },
    expect: { status: method === 'POST' ? 201 : 200, ...(schema ? { schema } : {}) },
  };
}

/** Runs `definition` with a fresh client and returns the step failure's message. */
async function failureOf(
  definition: StepDefinition,
  options: HttpClientOptions = {},
): Promise<StepFailedError> {
  const client = createHttpClient({ retry: { baseDelayMs: 10, jitterMs: 5 }, ...options });
  const vars = new RunVariables();
  vars.set('apiPath', `${server.url}/v1`, { from: 'config' });
  try {
    await executeStep(definition, { client, vars, schemas: schemaRegistry() });
  } catch (error) {
    if (error instanceof StepFailedError) return error;
    throw error;
  } finally {
    await client.close();
  }
  throw new Error('the step passed');
}

describe('retries are evidence', () => {
  test('a failing step lists every retry it made before the final answer', async () => {
    answers = [limited('0'), unavailable, json(400, { code: 'INVALID_DATA', message: 'Nope.' })];
    const failure = await failureOf(step('GET'));
    expect(server.received).toHaveLength(3);
    expect(failure.message).toContain('failed: status: expected 200, given 400');
    expect(failure.message).toMatch(
      /\n {2}retried: 429 after 0 ms \(Retry-After\), then 503 after \d+ ms \(back-off\)\n/,
    );
    expect(failure.evidence.retried).toMatch(/^429 after 0 ms/);
  });

  test('a POST answered 503 is not replayed, and the evidence says why', async () => {
    answers = [unavailable];
    const failure = await failureOf(step('POST'));
    expect(server.received).toHaveLength(1);
    expect(failure.message).toContain('given 503');
    expect(failure.message).toContain(
      'stopped retrying: 503 to a POST is not retried: the request may have been processed',
    );
  });

  test('a Retry-After past the step deadline fails the step at once and says so', async () => {
    answers = [limited('3600')];
    const started = Date.now();
    const failure = await failureOf(step('POST'), { deadlineMs: 5000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(failure.message).toContain('given 429');
    expect(failure.message).toMatch(
      /stopped retrying: 429 not retried: Retry-After \(3600\) asks for 3600000 ms, more than the \d+ ms left of the 5000 ms step deadline/,
    );
  });

  test('a POST answered 429 is sent again after Retry-After and the step passes', async () => {
    answers = [limited('0'), json(201, { id: 'thing-1' })];
    const client = createHttpClient();
    const vars = new RunVariables();
    vars.set('apiPath', `${server.url}/v1`, { from: 'config' });
    const outcome = await executeStep(step('POST'), { client, vars, schemas: schemaRegistry() });
    await client.close();
    expect(outcome.response.status).toBe(201);
    expect(outcome.response.retries?.attempts).toEqual([
      { outcome: '429', waitedMs: 0, basis: 'Retry-After' },
    ]);
    expect(server.received.map((request) => request.method)).toEqual(['POST', 'POST']);
  });
});

describe('bad answers fail the step with a message that names the problem', () => {
  test('a hung server: the step fails with the timeout, not a hang', async () => {
    answers = [() => undefined];
    const failure = await failureOf(step('GET'), { timeoutMs: 300 });
    expect(failure.code).toBe('TIMEOUT');
    expect(failure.message).toContain(
      'failed: no response: GET /v1/things timed out after 300 ms waiting for the response headers',
    );
  });

  test('a body that is not JSON where JSON is documented', async () => {
    answers = [
      (response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('<html><body>502 Bad Gateway</body></html>');
      },
    ];
    const failure = await failureOf(step('GET', 'pingone/p1-error'));
    // A web page where JSON is documented means the URL names something else: exit 2.
    expect(failure.code).toBe('NOT_JSON');
    expect(failure.fault).toBe('config');
    expect(failure.message).toContain(
      'Hint: Not JSON: the answer is application/json where the docs promise JSON',
    );
    expect(failure.message).toContain(
      'failed: schema pingone/p1-error: expected a JSON body, given a body that is not JSON ' +
        '(application/json, 41 bytes; it is quoted under Evidence)',
    );
    expect(failure.message).toContain('body: <html><body>502 Bad Gateway</body></html>');
  });

  test('a body over the size limit names the limit', async () => {
    answers = [json(200, { padding: 'x'.repeat(4096) })];
    const failure = await failureOf(step('GET'), { maxBodyBytes: 1024 });
    expect(failure.code).toBe('BODY_TOO_LARGE');
    expect(failure.fault).toBe('config');
    expect(failure.message).toMatch(
      /GET \/v1\/things returned a body larger than the limit of 1024 bytes \(maxBodyBytes\)/,
    );
  });
});
