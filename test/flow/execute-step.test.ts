import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { StepFailedError } from '../../src/flow/step/step-failed-error.ts';
import { equals } from '../../src/flow/step/checks.ts';
import { executeStep } from '../../src/flow/step/execute-step.ts';
import { RunVariables } from '../../src/flow/step/variables.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { schemaRegistry } from '../../src/schema/registry.ts';
import { sendJson, startLocalServer, type LocalServer } from '../support/local-server.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

const TOKEN = 'tok-execute-step-7f3a9c';
let server: LocalServer;
let answer: { status: number; body: unknown; headers?: Record<string, string> };
const client = createHttpClient({ timeoutMs: 2000 });

beforeAll(async () => {
  server = await startLocalServer((_request, response) =>
    sendJson(response, answer.status, answer.body, answer.headers),
  );
});
afterAll(async () => {
  await client.close();
  await server.close();
});

function vars(): RunVariables {
  const values = new RunVariables();
  values.set('apiPath', `${server.url}/v1`, { from: 'config' });
  values.set('envID', 'env-1', { from: '03-create-environment' });
  values.set('sharedUserID', 'user-1', { from: '05-create-user' });
  values.set('accessToken', TOKEN, { from: '01-get-access-token', secret: true });
  return values;
}

const enable: StepDefinition = {
  id: '07-enable-user-mfa',
  title: 'Enable user MFA',
  docs: 'https://docs.example/step-7',
  roles: ['Environment Admin', 'Identity Data Admin'],
  request: {
    method: 'PUT',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/mfaEnabled',
    auth: { type: 'bearer', token: '{{accessToken}}' },
    body: { json: { mfaEnabled: true } },
  },
  expect: {
    status: 200,
    contentType: /^application\/(hal\+)?json/,
    schema: 'pingone/user-mfa-enabled',
    headers: { 'correlation-id': /\S/ },
  },
  checks: [equals('/mfaEnabled', true)],
  captures: [{ variable: 'flag', pointer: '/mfaEnabled' }],
};

const okBody = {
  _links: { self: { href: 'http://h/v1/environments/env-1/users/user-1/mfaEnabled' } },
  mfaEnabled: true,
};

async function failure(step: StepDefinition, values = vars()): Promise<StepFailedError> {
  const error = await executeStep(step, { client, vars: values, schemas: schemaRegistry() }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StepFailedError);
  return error as StepFailedError;
}

describe('executeStep', () => {
  test('sends the rendered request and captures what later steps need', async () => {
    answer = { status: 200, body: okBody };
    const values = vars();
    const outcome = await executeStep(enable, { client, vars: values, schemas: schemaRegistry() });
    expect(outcome.results.every((result) => result.passed)).toBe(true);
    expect(values.get('flag')).toBe(true);
    const sent = server.received.at(-1);
    expect(sent).toMatchObject({
      method: 'PUT',
      url: '/v1/environments/env-1/users/user-1/mfaEnabled',
      body: '{"mfaEnabled":true}',
    });
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test('a wrong status fails with expected/given, the 404 hint, vendor evidence and no token', async () => {
    answer = {
      status: 404,
      body: {
        id: 'e1',
        code: 'NOT_FOUND',
        message: 'The request could not be completed. The requested resource was not found.',
      },
    };
    const error = await failure(enable);
    expect(error.code).toBe('STATUS_MISMATCH');
    expect(error.stepId).toBe('07-enable-user-mfa');
    expect(error.message).toContain(
      '07-enable-user-mfa (Enable user MFA) failed: status: expected 200, given 404',
    );
    expect(error.message).toContain('Hint: 404 Not Found');
    expect(error.message).toContain('vendor code: NOT_FOUND');
    expect(error.message).toContain('Correlation-Id: corr-123');
    expect(error.message).toContain('curl');
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).toContain('Bearer [REDACTED]');
  });

  test('a 403 names the roles the step needs', async () => {
    answer = {
      status: 403,
      body: {
        id: 'e2',
        code: 'ACCESS_FAILED',
        message: 'The actor attempting to perform the request is not authorized.',
      },
    };
    const error = await failure(enable);
    expect(error.message).toContain('lacks Environment Admin or Identity Data Admin');
  });

  test('a schema violation names the pointer', async () => {
    answer = { status: 200, body: { _links: okBody._links, mfaEnabled: 'yes' } };
    const error = await failure(enable);
    expect(error.code).toBe('SCHEMA_MISMATCH');
    expect(error.message).toContain('/mfaEnabled');
  });

  test('a semantic check that does not hold fails the step, and nothing is captured', async () => {
    answer = { status: 200, body: { ...okBody, mfaEnabled: false } };
    const values = vars();
    const error = await failure(enable, values);
    expect(error.code).toBe('CHECK_FAILED');
    expect(error.message).toContain('/mfaEnabled is true: expected true, given false');
    expect(values.has('flag')).toBe(false);
  });

  test('no response at all: the step fails naming apiPath/region, keeping the transport fault', async () => {
    const values = vars();
    values.set('apiPath', 'http://127.0.0.1:1/v1', { from: 'config' });
    const error = await failure(enable, values);
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.fault).toBe('unreachable');
    expect(error.message).toContain('07-enable-user-mfa (Enable user MFA) failed: no response');
    expect(error.message).toContain('Hint: No response: check that apiPath points at your tenant');
    expect(error.message).not.toContain(TOKEN);
  });

  test('a secret capture is redacted from the evidence even when the step fails', async () => {
    answer = { status: 200, body: { id: 'd1', status: 'ACTIVE', secret: 'KRUGS4ZANFZSAYJAONSWG4TFOQ' } };
    const step: StepDefinition = {
      ...enable,
      expect: { status: 200 },
      checks: [equals('/status', 'ACTIVATION_REQUIRED')],
      captures: [{ variable: 'deviceSecret', pointer: '/secret', secret: true }],
    };
    const error = await failure(step);
    expect(error.message).toContain('"secret":"[REDACTED]"');
    expect(error.message).not.toContain('KRUGS4ZANFZSAYJAONSWG4TFOQ');
  });

  test('a missing Correlation-Id header fails the header expectation', async () => {
    answer = { status: 200, body: okBody, headers: { 'correlation-id': '' } };
    const error = await failure(enable);
    expect(error.message).toContain('header correlation-id');
  });

  test.each([
    { id: '../organizations' },
    { id: '0b6e7a2c-1f4d-4c1a-9d0e-5b8f3c2a1e90/../4a7c9e12-3b5d-4f6e-8a1b-2c3d4e5f6a7b' },
    { id: 42 },
  ])('a captured id that is not a UUID ($id) fails the step and is never kept for a URL', async ({ id }) => {
    const create: StepDefinition = {
      id: '03-create-environment',
      title: 'Create an environment',
      request: {
        method: 'POST',
        url: '{{apiPath}}/environments',
        auth: { type: 'bearer', token: '{{accessToken}}' },
      },
      expect: { status: 201 },
      captures: [{ variable: 'newEnvID', pointer: '/id', id: true }],
    };
    answer = { status: 201, body: { id } };
    const values = vars();
    const error = await failure(create, values);
    expect(error.message).toContain('capture newEnvID: expected a UUID at /id');
    expect(values.has('newEnvID')).toBe(false);
  });
});
