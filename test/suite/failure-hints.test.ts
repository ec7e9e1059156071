import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { StepFailedError } from '../../src/flow/step/step-failed-error.ts';
import { executeStep, stepInputs } from '../../src/flow/step/execute-step.ts';
import { TokenKeeper } from '../../src/flow/auth/token-keeper.ts';
import { RunVariables } from '../../src/flow/step/variables.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { schemaRegistry } from '../../src/schema/registry.ts';
import { getAccessToken, readEnvironment, setUserPassword } from '../../src/targets/pingone/steps/index.ts';
import { sendJson, startLocalServer, type LocalServer } from '../support/local-server.ts';
import { isPingOneTokenRejection } from '../../src/targets/pingone/token-rejection.ts';
import { pingOneHints } from '../../src/targets/pingone/hints.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

// Planted secrets: none of them may appear in any failure message.
const CLIENT_SECRET = 'planted-client-secret-0e7c41';
const FIRST_TOKEN = 'planted-first-token-a91f3b';
const NEW_TOKEN = 'planted-refreshed-token-44d2e8';
const PASSWORD = 'Planted-Passw0rd-7b1c!';

type Answer = { status: number; body: unknown } | 'hang';
let answer: Answer;
let server: LocalServer;
const client = createHttpClient({ timeoutMs: 300 });

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    if (request.url.endsWith('/as/token'))
      return sendJson(response, 200, { access_token: NEW_TOKEN, token_type: 'Bearer', expires_in: 3600 });
    if (answer === 'hang') return; // accepts the request, never answers
    sendJson(response, answer.status, answer.body, { 'correlation-id': 'corr-failure-hints' });
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

function vars(): RunVariables {
  const values = new RunVariables();
  values.set('apiPath', `${server.url}/v1`, { from: 'config' });
  values.set('authPath', server.url, { from: 'config' });
  values.set('adminEnvID', 'admin-env', { from: 'config' });
  values.set('adminAppID', 'app-1', { from: 'config' });
  values.set('adminAppSecret', CLIENT_SECRET, { from: 'config', secret: true });
  values.set('accessToken', FIRST_TOKEN, { from: '01-get-access-token', secret: true });
  values.set('envID', 'env-created-in-03', { from: '03-create-environment' });
  values.set('sharedPopID', 'pop-1', { from: '04-create-population' });
  values.set('userPassword', PASSWORD, { from: 'data', secret: true });
  for (const name of values.missing(stepInputs(setUserPassword)))
    values.set(name, `${name}-value`, { from: 'data' });
  return values;
}

async function failureOf(step: StepDefinition, options: { keeper?: boolean } = {}): Promise<string> {
  const values = vars();
  let context = { client, vars: values, schemas: schemaRegistry(), hints: pingOneHints };
  if (options.keeper) {
    const tokens = new TokenKeeper({
      vars: values,
      tokenStep: getAccessToken,
      isRejection: isPingOneTokenRejection,
    });
    const keeperClient = createHttpClient({ timeoutMs: 300, middleware: [tokens.middleware] });
    tokens.attach(keeperClient.send);
    context = { ...context, client: keeperClient, tokens } as typeof context;
  }
  const error = await executeStep(step, context).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(StepFailedError);
  const message = (error as StepFailedError).message;
  for (const secret of [CLIENT_SECRET, FIRST_TOKEN, NEW_TOKEN, PASSWORD])
    expect(message).not.toContain(secret);
  return message;
}

function expectEvidence(message: string, vendorCode: string): void {
  expect(message).toContain('Evidence:');
  expect(message).toContain(`vendor code: ${vendorCode}`);
  expect(message).toContain('Correlation-Id: corr-failure-hints');
  expect(message).toContain('reproduce: curl -X');
  expect(message).toContain('Bearer [REDACTED]');
}

describe('a failed positive step explains itself', () => {
  test('401: expired or invalid token, step 01 gets a new one, the keeper already replayed once', async () => {
    answer = {
      status: 401,
      body: {
        id: 'e1',
        code: 'ACCESS_FAILED',
        message: 'The request could not be completed. You do not have access to this resource.',
        details: [{ code: 'INVALID_TOKEN', message: 'The access token expired.' }],
      },
    };
    const message = await failureOf(readEnvironment, { keeper: true });
    expect(message).toContain(
      'Hint: 401 Unauthorized: the access token is expired or invalid (tokens live one hour); step 01 ' +
        'gets a new one.',
    );
    expect(message).toContain(
      'The token keeper already got a new token from step 01 and replayed this request once',
    );
    expect(message).toContain(`See ${readEnvironment.docs}`);
    expect(message).toContain('details: [{"code":"INVALID_TOKEN"');
    expectEvidence(message, 'ACCESS_FAILED');
  });

  test('403: missing role, naming the roles the step needs', async () => {
    answer = {
      status: 403,
      body: {
        id: 'e2',
        code: 'ACCESS_FAILED',
        message: 'The actor attempting to perform the request is not authorized.',
        details: [{ code: 'INSUFFICIENT_PERMISSIONS', message: 'no role' }],
      },
    };
    const message = await failureOf(setUserPassword);
    expect(message).toContain(
      'Hint: 403 Forbidden: missing role: the worker app lacks Environment Admin or Identity Data Admin',
    );
    expect(message).toContain(`See ${setUserPassword.docs}`);
    expectEvidence(message, 'ACCESS_FAILED');
    expect(message).toContain(`--data-raw '{"value":"[REDACTED]","forceChange":false}'`);
  });

  test('404 on the environment: envID is not the environment created in step 03', async () => {
    answer = {
      status: 404,
      body: {
        id: 'e3',
        code: 'NOT_FOUND',
        message: 'The request could not be completed. The requested resource was not found.',
      },
    };
    const message = await failureOf(readEnvironment);
    expect(message).toContain(
      'Hint: 404 Not Found on the environment: envID (from 03-create-environment) is not the environment ' +
        'created in step 03-create-environment',
    );
    expect(message).toContain('request: GET http://127.0.0.1:');
    expect(message).toContain('/v1/environments/env-created-in-03');
    expectEvidence(message, 'NOT_FOUND');
  });

  test('timeout: the server accepted the connection but did not answer within N ms', async () => {
    answer = 'hang';
    const message = await failureOf(readEnvironment);
    expect(message).toContain('failed: no response');
    expect(message).toContain(
      'Hint: Timeout: the server accepted the connection but did not answer within 300 ms',
    );
    expect(message).toContain(`See ${readEnvironment.docs}`);
    expect(message).toContain('reproduce: curl -X GET');
    expect(message).toContain('Bearer [REDACTED]');
  });
});
