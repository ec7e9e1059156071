import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { StepFailedError } from '../../src/flow/step/step-failed-error.ts';
import { createRunDeadline, type RunDeadline } from '../../src/process/run-deadline.ts';
import { FlowSession } from '../../src/flow/run/session.ts';
import { RunVariables } from '../../src/flow/step/variables.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { schemaRegistry } from '../../src/schema/registry.ts';
import { startLocalServer, type LocalServer } from '../support/local-server.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

// POST /things creates, GET /things/:id reads (GET /things/hang never answers), DELETE removes.
let server: LocalServer;
const things = new Set<string>();
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    const id = request.url.split('/')[2];
    if (request.method === 'POST') {
      things.add('7c1e2d3f-0a4b-4c5d-8e6f-00000000d1e1');
      response
        .writeHead(201, { 'content-type': 'application/json' })
        .end('{"id":"7c1e2d3f-0a4b-4c5d-8e6f-00000000d1e1"}');
    } else if (request.method === 'GET' && id === 'hang') {
      held.push(response);
    } else if (request.method === 'DELETE' && id && things.delete(id)) {
      response.writeHead(204).end();
    } else if (request.method === 'GET' && id && things.has(id)) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"${id}"}`);
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NOT_FOUND"}');
    }
  });
});
afterEach(() => {
  for (const response of held.splice(0)) response.destroy();
});
afterAll(() => server.close());

const step = (id: string, path: string, extra: Partial<StepDefinition> = {}): StepDefinition => ({
  id,
  title: id,
  request: { method: 'GET', url: `{{base}}${path}`, auth: { type: 'none' } },
  expect: { status: 200 },
  ...extra,
});
const create = step('03-create-thing', '/things', {
  request: { method: 'POST', url: '{{base}}/things', auth: { type: 'none' } },
  expect: { status: 201 },
  captures: [{ variable: 'thingID', pointer: '/id' }],
  cleanup: {
    description: 'the thing',
    request: { method: 'DELETE', url: '{{base}}/things/{{thingID}}', auth: { type: 'none' } },
    okStatuses: [204],
    confirmGone: { method: 'GET', url: '{{base}}/things/{{thingID}}', auth: { type: 'none' } },
  },
});
const read = step('04-read-thing', '/things/{{thingID}}');
const hang = step('05-hang', '/things/hang');
const last = step('06-read-again', '/things/{{thingID}}');

function session(runDeadline: RunDeadline): FlowSession {
  const vars = new RunVariables();
  vars.set('base', server.url, { from: 'config' });
  const client = createHttpClient({ timeoutMs: 30_000, runDeadline });
  return new FlowSession({
    context: { client, vars, schemas: schemaRegistry() },
    catalogue: [create, read, hang, last],
    runDeadline,
  });
}

async function failure(run: Promise<unknown>): Promise<StepFailedError> {
  const error: unknown = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(StepFailedError);
  return error as StepFailedError;
}

test('after the deadline the first step fails without sending, later ones are skipped, teardown still deletes', async () => {
  let now = Date.now();
  const flow = session(createRunDeadline({ atMs: now + 60_000, label: '20m', now: () => now }));
  try {
    expect((await flow.run(create)).status).toBe('passed');
    now += 61_000;
    const sent = server.received.length;

    const error = await failure(flow.run(read));
    expect(error.code).toBe('RUN_DEADLINE');
    expect(error.fault).toBe('api');
    expect(error.message).toMatch(
      /^04-read-thing \(04-read-thing\) not run: the whole-run deadline of 20m passed \(--deadline\) 1s before this step could start\./,
    );
    expect(error.message).toContain('teardown still runs');
    expect(flow.state.status('04-read-thing')).toBe('failed');
    expect(await flow.run(last)).toEqual({
      status: 'skipped',
      reason: 'not run: the whole-run deadline of 20m passed (--deadline)',
    });
    expect(server.received.length).toBe(sent);

    const reports = await flow.teardown({ deadlineMs: 2_000, intervalMs: 50 });
    expect(reports).toMatchObject([{ stepId: '03-create-thing', deleted: true }]);
    expect(things.has('7c1e2d3f-0a4b-4c5d-8e6f-00000000d1e1')).toBe(false);
  } finally {
    await flow.context.client.close();
  }
});

test('a step stopped in flight by the deadline is the failure; the next step is skipped', async () => {
  const flow = session(createRunDeadline({ atMs: Date.now() + 400, label: '3s' }));
  try {
    const error = await failure(flow.run(hang));
    expect(error.code).toBe('RUN_DEADLINE');
    expect(error.fault).toBe('api');
    expect(error.message).toContain('GET /things/hang was stopped in flight');
    expect(error.message).toContain('the whole-run deadline (3s, --deadline) passed; teardown still runs');
    expect(error.message).toContain('Raise --deadline');
    const next = await flow.run(create);
    expect(next).toEqual({
      status: 'skipped',
      reason: 'not run: the whole-run deadline of 3s passed (--deadline)',
    });
  } finally {
    await flow.context.client.close();
  }
});

test('without a deadline nothing changes', async () => {
  const vars = new RunVariables();
  vars.set('base', server.url, { from: 'config' });
  const flow = new FlowSession({
    context: { client: createHttpClient(), vars, schemas: schemaRegistry() },
    catalogue: [create, read],
  });
  try {
    expect((await flow.run(create)).status).toBe('passed');
    expect((await flow.run(read)).status).toBe('passed');
    await flow.teardown({ deadlineMs: 2_000, intervalMs: 50 });
  } finally {
    await flow.context.client.close();
  }
});
