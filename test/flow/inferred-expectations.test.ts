import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { StepFailedError } from '../../src/flow/step/step-failed-error.ts';
import { equals, inferredCheck } from '../../src/flow/step/checks.ts';
import { executeStep } from '../../src/flow/step/execute-step.ts';
import type { StepContext } from '../../src/flow/step/step-context.ts';
import { documented, inferred } from '../../src/flow/step/source.ts';
import { RunVariables } from '../../src/flow/step/variables.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { schemaRegistry } from '../../src/schema/registry.ts';
import { sendJson, startLocalServer, type LocalServer } from '../support/local-server.ts';
import type { Calibration } from '../../src/flow/step/source.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

let server: LocalServer;
let answer: { status: number; body: unknown };
const client = createHttpClient({ timeoutMs: 2000 });

beforeAll(async () => {
  server = await startLocalServer((_request, response) => sendJson(response, answer.status, answer.body));
});
afterAll(async () => {
  await client.close();
  await server.close();
});

function context(calibration?: Calibration): StepContext {
  const vars = new RunVariables();
  vars.set('apiPath', `${server.url}/v1`, { from: 'config' });
  return { client, vars, schemas: schemaRegistry(), ...(calibration ? { calibration } : {}) };
}

const REASON = 'no vendor source says so';
const probe: StepDefinition = {
  id: 'x/probe',
  title: 'a probe',
  request: { method: 'GET', url: '{{apiPath}}/thing', auth: { type: 'none' } },
  expect: { status: 404 },
  checks: [equals('/code', 'NOT_FOUND'), inferredCheck(equals('/id', 'e1'), REASON)],
};

async function failureOf(step: StepDefinition, calibration?: Calibration): Promise<StepFailedError> {
  const error = await executeStep(step, context(calibration)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(StepFailedError);
  return error as StepFailedError;
}

describe('inferred expectations and documented alternatives', () => {
  test('an inferred miss fails against the embedded emulator (no calibration) and under --strict', async () => {
    answer = { status: 404, body: { code: 'NOT_FOUND', message: 'gone' } };
    expect((await failureOf(probe)).message).toContain('failed: /id is "e1": expected "e1", given missing');
    expect((await failureOf(probe, { lenient: false })).message).toContain(`(inferred: ${REASON})`);
  });

  test('a lenient configured run passes it and reports it unconfirmed; a documented miss still fails', async () => {
    answer = { status: 404, body: { code: 'NOT_FOUND', message: 'gone' } };
    const outcome = await executeStep(probe, context({ lenient: true }));
    expect(outcome.inferred).toEqual([
      { name: '/id is "e1"', passed: false, expected: '"e1"', given: 'missing', inferred: REASON },
    ]);
    answer = { status: 404, body: { code: 'OTHER', message: 'gone', id: 'e1' } };
    expect((await failureOf(probe, { lenient: true })).message).toContain('failed: /code is "NOT_FOUND"');
  });

  test('an inferred status with a documented refusal: another 4xx is unconfirmed, a 2xx fails', async () => {
    const refusal: StepDefinition = {
      ...probe,
      checks: [],
      expect: { status: 415, inferred: { status: REASON, refusalDocumented: true } },
    };
    answer = { status: 400, body: { code: 'INVALID_REQUEST', message: 'no' } };
    expect(
      (await executeStep(refusal, context({ lenient: true }))).inferred.map((result) => result.given),
    ).toEqual(['400']);
    answer = { status: 200, body: {} };
    expect((await failureOf(refusal, { lenient: true })).message).toContain(
      'failed: refused: expected a 4xx refusal, given 200',
    );
  });

  test('an inferred expectation source makes status, content type and schema inferred; strict still fails', async () => {
    const guessed: StepDefinition = {
      ...probe,
      checks: [],
      expect: {
        status: 200,
        contentType: /^application\/json/,
        schema: 'pingone/oauth-error',
        source: inferred(REASON),
      },
    };
    answer = { status: 202, body: { not: 'an oauth error' } };
    const outcome = await executeStep(guessed, context({ lenient: true }));
    expect(outcome.inferred.map((result) => [result.name, result.passed, result.inferred])).toEqual([
      ['status', false, REASON],
      ['content type', true, REASON],
      ['schema pingone/oauth-error', false, REASON],
    ]);
    expect((await failureOf(guessed, { lenient: false })).message).toContain(`(inferred: ${REASON})`);
  });

  test('a documented alternative holds in place of the expected answer, strict or not', async () => {
    const step: StepDefinition = {
      ...probe,
      checks: [equals('/code', 'NOT_FOUND')],
      alternatives: [
        {
          expect: { status: 403 },
          checks: [equals('/code', 'ACCESS_FAILED')],
          summary: '403 ACCESS_FAILED',
          source: documented('oas', 'may occur'),
        },
      ],
    };
    answer = { status: 403, body: { code: 'ACCESS_FAILED', message: 'no' } };
    expect((await executeStep(step, context())).alternative).toBe('403 ACCESS_FAILED');
    answer = { status: 403, body: { code: 'NOPE', message: 'no' } };
    // The failure names what broke in the answer the tenant chose, not the status of the other one.
    expect((await failureOf(step)).message).toContain('failed: /code is "ACCESS_FAILED"');
    answer = { status: 500, body: { code: 'UNEXPECTED_ERROR', message: 'no' } };
    expect((await failureOf(step)).message).toContain('failed: status: expected 404, given 500');
  });
});
