import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { FlowSession } from '../../src/flow/run/session.ts';
import { runTeardown } from '../../src/flow/run/teardown.ts';
import { RunVariables } from '../../src/flow/step/variables.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { schemaRegistry } from '../../src/schema/registry.ts';
import { startLocalServer, type LocalServer } from '../support/local-server.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

// A tiny stateful server: POST /things creates, GET /things/:id reads, DELETE removes.
let server: LocalServer;
const things = new Set<string>();
const client = createHttpClient({ timeoutMs: 2000 });
/** How POST /things answers: a conforming 201, or one of a hostile tenant's variants. */
let postAnswer: { status: number; body: string; headers?: Record<string, string> } | undefined;

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    const id = request.url.split('/')[2];
    if (request.method === 'POST') {
      things.add('0f8e3d2a-5b1c-4d2e-9f00-0000000000a1');
      const answer = postAnswer ?? { status: 201, body: '{"id":"0f8e3d2a-5b1c-4d2e-9f00-0000000000a1"}' };
      response
        .writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
        .end(answer.body);
    } else if (request.method === 'DELETE' && id && things.delete(id)) {
      response.writeHead(204).end();
    } else if (request.method === 'GET' && id && things.has(id)) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"${id}"}`);
    } else {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NOT_FOUND"}');
    }
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const create: StepDefinition = {
  id: '03-create-thing',
  title: 'Create a thing',
  request: { method: 'POST', url: '{{base}}/things', auth: { type: 'none' } },
  expect: { status: 201 },
  captures: [{ variable: 'thingID', pointer: '/id' }],
  cleanup: {
    description: 'the thing',
    request: { method: 'DELETE', url: '{{base}}/things/{{thingID}}', auth: { type: 'none' } },
    okStatuses: [204],
    confirmGone: { method: 'GET', url: '{{base}}/things/{{thingID}}', auth: { type: 'none' } },
  },
};
const read: StepDefinition = {
  id: '04-read-thing',
  title: 'Read it',
  request: { method: 'GET', url: '{{base}}/things/{{thingID}}', auth: { type: 'none' } },
  expect: { status: 200 },
};

function session(): FlowSession {
  const vars = new RunVariables();
  vars.set('base', server.url, { from: 'config' });
  return new FlowSession({ context: { client, vars, schemas: schemaRegistry() }, catalogue: [create, read] });
}

test('a step whose producer failed is skipped with the reason, and sends nothing', async () => {
  const flow = session();
  flow.vars.set('base', 'http://127.0.0.1:1', { from: 'config' });
  await expect(flow.run(create)).rejects.toThrow();
  const before = server.received.length;
  expect(await flow.run(read)).toEqual({
    status: 'skipped',
    reason: 'needs thingID from 03-create-thing, which failed',
  });
  expect(server.received.length).toBe(before);
});

test('created resources go in the ledger; teardown deletes them and confirms they are gone', async () => {
  const flow = session();
  expect((await flow.run(create)).status).toBe('passed');
  expect((await flow.run(read)).status).toBe('passed');
  expect(flow.ledger.size).toBe(1);
  const reports = await runTeardown(flow.ledger, client, { poll: { deadlineMs: 2000, intervalMs: 50 } });
  expect(reports).toHaveLength(1);
  expect(reports[0]).toMatchObject({ stepId: '03-create-thing', deleted: true });
  expect(things.has('0f8e3d2a-5b1c-4d2e-9f00-0000000000a1')).toBe(false);
  expect(flow.ledger.size).toBe(0);
});

test('teardown reports a delete the server refused, without throwing', async () => {
  const flow = session();
  await flow.run(create);
  things.delete('0f8e3d2a-5b1c-4d2e-9f00-0000000000a1'); // someone else removed it: DELETE now answers 404, not 204
  const reports = await runTeardown(flow.ledger, client, { poll: { deadlineMs: 500, intervalMs: 50 } });
  expect(reports[0]).toMatchObject({ deleted: false });
  expect(reports[0]?.problem).toContain('delete answered 404, expected 204');
});

describe('record before you check: a creation that fails its checks is still in the ledger', () => {
  afterEach(() => {
    postAnswer = undefined;
    things.clear();
  });

  test('200 instead of 201: the step fails, the thing is recorded and teardown deletes it', async () => {
    postAnswer = { status: 200, body: '{"id":"0f8e3d2a-5b1c-4d2e-9f00-0000000000a1"}' };
    const flow = session();
    await expect(flow.run(create)).rejects.toThrow('status: expected 201, given 200');
    expect(flow.vars.has('thingID')).toBe(false);
    expect(flow.ledger.entries().map((entry) => entry.values.thingID)).toEqual([
      '0f8e3d2a-5b1c-4d2e-9f00-0000000000a1',
    ]);
    const [report] = await runTeardown(flow.ledger, client, { poll: { deadlineMs: 2000, intervalMs: 50 } });
    expect(report?.deleted).toBe(true);
    expect(things.has('0f8e3d2a-5b1c-4d2e-9f00-0000000000a1')).toBe(false);
  });

  test('no id in the body: the last segment of Location names it', async () => {
    postAnswer = {
      status: 201,
      body: '{}',
      headers: { location: `${server.url}/things/0f8e3d2a-5b1c-4d2e-9f00-0000000000a1` },
    };
    const flow = session();
    await expect(flow.run(create)).rejects.toThrow('capture thingID');
    expect(flow.ledger.entries().map((entry) => entry.values.thingID)).toEqual([
      '0f8e3d2a-5b1c-4d2e-9f00-0000000000a1',
    ]);
  });

  test('an id in an unexpected form is recorded raw; teardown refuses to send it and names it', async () => {
    postAnswer = { status: 201, body: '{"id":"../../admin"}' };
    const flow = session();
    expect((await flow.run(create)).status).toBe('passed');
    const before = server.received.length;
    const [report] = await runTeardown(flow.ledger, client, { poll: { deadlineMs: 500, intervalMs: 50 } });
    expect(server.received.length).toBe(before);
    expect(report?.problem).toContain('thingID="../../admin" is not a well-formed id');
    expect(flow.ledger.size).toBe(1);
  });

  test('an error answer records nothing', async () => {
    postAnswer = { status: 409, body: '{"id":"0f8e3d2a-5b1c-4d2e-9f00-0000000000a1"}' };
    const flow = session();
    await expect(flow.run(create)).rejects.toThrow();
    expect(flow.ledger.size).toBe(0);
  });
});
