import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { StepFailedError } from '../../src/flow/step/step-failed-error.ts';
import { executeStep } from '../../src/flow/step/execute-step.ts';
import { pollUntil } from '../../src/flow/step/poll.ts';
import { describeSettling, type SettlePolicy } from '../../src/flow/step/settle.ts';
import { RunVariables } from '../../src/flow/step/variables.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { schemaRegistry } from '../../src/schema/registry.ts';
import { sendJson, startLocalServer, type LocalServer } from '../support/local-server.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

/** What the server answers, in order; the last answer repeats. */
let answers: Array<{ status: number; body: unknown; contentType?: string }> = [];
let server: LocalServer;
const client = createHttpClient({ timeoutMs: 2000 });

beforeAll(async () => {
  server = await startLocalServer((_request, response) => {
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (!answer) return sendJson(response, 500, {});
    if (answer.contentType) {
      response.writeHead(answer.status, { 'content-type': answer.contentType });
      return response.end(String(answer.body));
    }
    return sendJson(response, answer.status, answer.body);
  });
});
beforeEach(() => server.received.splice(0));
afterAll(async () => {
  await client.close();
  await server.close();
});

const lagging = {
  status: 403,
  body: { id: 'e1', code: 'ACCESS_FAILED', message: 'You do not have access to this resource.' },
};
const created = { status: 201, body: { id: 'pop-1', name: 'p' } };

const policy: SettlePolicy = {
  subject: 'environment',
  variable: 'envID',
  statuses: [401, 403, 404],
  codes: ['ACCESS_FAILED', 'NOT_FOUND'],
  poll: { deadlineMs: 600, intervalMs: 50, growth: 1.5, maxIntervalMs: 150 },
  why: 'a new environment propagates',
};

const createThing: StepDefinition = {
  id: '04-create-thing',
  title: 'Create a thing in the new environment',
  request: {
    method: 'POST',
    url: '{{apiPath}}/environments/{{envID}}/things',
    auth: { type: 'none' },
    body: { json: { name: 'p' } },
  },
  expect: { status: 201 },
  captures: [{ variable: 'thingID', pointer: '/id' }],
  settle: policy,
};

/** Run variables with envID captured by step 03 of this run (`captured`), or named by the configuration. */
function vars(envFrom: 'captured' | 'config'): RunVariables {
  const values = new RunVariables();
  values.set('apiPath', `${server.url}/v1`, { from: 'config' });
  if (envFrom === 'captured') values.set('envID', 'env-1', { from: '03-create-environment', captured: true });
  else values.set('envID', 'env-1', { from: '03-create-environment' });
  return values;
}

async function failure(step: StepDefinition, values: RunVariables): Promise<StepFailedError> {
  const error = await executeStep(step, { client, vars: values, schemas: schemaRegistry() }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StepFailedError);
  return error as StepFailedError;
}

describe('settling a step into a just-created environment', () => {
  test('asks again while the lag answers, then checks and captures the final answer, recording every ask', async () => {
    answers = [lagging, lagging, created];
    const values = vars('captured');
    const outcome = await executeStep(createThing, { client, vars: values, schemas: schemaRegistry() });
    expect(outcome.response.status).toBe(201);
    expect(outcome.settling).toMatchObject({
      subject: 'environment',
      statuses: [403, 403, 201],
      settled: true,
    });
    expect(server.received.map((each) => each.method)).toEqual(['POST', 'POST', 'POST']);
    expect(values.get('thingID')).toBe('pop-1');
    expect(values.origin('thingID')).toEqual({ from: '04-create-thing', secret: false, captured: true });
    const record = outcome.settling;
    if (!record) throw new Error('the step settled, so its outcome must carry a settling record');
    expect(describeSettling(record)).toMatch(
      /^environment settled after \d+\.\d s \(3 asks: 403, 403, 201\)$/,
    );
  });

  test('a lag that outlasts the deadline fails with the 403, naming the asks and the time', async () => {
    answers = [lagging];
    const error = await failure(createThing, vars('captured'));
    const asks = server.received.length;
    expect(asks).toBeGreaterThan(3);
    expect(error.code).toBe('STATUS_MISMATCH');
    expect(error.message).toContain('failed: status: expected 201, given 403');
    expect(error.message).toMatch(
      new RegExp(
        `Settling: environment did not settle: ${asks} asks over \\d+\\.\\d s \\(403 ×${asks}\\); a new ` +
          `environment propagates`,
      ),
    );
  });

  test('an environment the configuration named (not captured in this run) is asked once', async () => {
    answers = [lagging, created];
    const error = await failure(createThing, vars('config'));
    expect(server.received).toHaveLength(1);
    expect(error.message).toContain('given 403');
    expect(error.message).not.toContain('Settling:');
  });

  test('answers the lag does not give are final at once: another code, or a body that is not a PingOne error', async () => {
    answers = [{ status: 404, body: { id: 'e2', code: 'INVALID_DATA', message: 'no' } }, created];
    await failure(createThing, vars('captured'));
    expect(server.received).toHaveLength(1);

    server.received.splice(0);
    answers = [
      { status: 403, body: '<html>Forbidden by the proxy</html>', contentType: 'text/html' },
      created,
    ];
    await failure(createThing, vars('captured'));
    expect(server.received).toHaveLength(1);
  });

  test('a step without a policy is asked once, and its outcome carries no settling record', async () => {
    answers = [created];
    const { settle: _ignored, ...plain } = createThing;
    const outcome = await executeStep(plain, { client, vars: vars('captured'), schemas: schemaRegistry() });
    expect(outcome.settling).toBeUndefined();
    expect(server.received).toHaveLength(1);
  });
});

describe('polling with growing waits', () => {
  test('each wait grows by the factor up to the cap, and no wait starts that would end past the deadline', async () => {
    vi.useFakeTimers();
    try {
      const times: number[] = [];
      const polling = pollUntil(
        async () => times.push(Date.now()),
        () => false,
        { deadlineMs: 400, intervalMs: 40, growth: 2, maxIntervalMs: 100 },
      );
      await vi.runAllTimersAsync();
      const result = await polling;
      const start = times[0] ?? 0;
      expect(times.map((time) => time - start)).toEqual([0, 40, 120, 220, 320]);
      expect(result).toMatchObject({ satisfied: false, attempts: 5, elapsedMs: 320 });
    } finally {
      vi.useRealTimers();
    }
  });

  test('a long run of one status is shortened in the description', () => {
    expect(
      describeSettling({
        subject: 'environment',
        statuses: [403, 403, 403, 403, 403, 201],
        elapsedMs: 4210,
        settled: true,
      }),
    ).toBe('environment settled after 4.2 s (6 asks: 403 ×5, 201)');
  });
});
