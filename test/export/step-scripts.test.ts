import { describe, expect, test } from 'vitest';
import { preRequestScript, testScript } from '../../src/export/step-scripts.ts';
import { equals, inferredCheck } from '../../src/flow/step/checks.ts';
import { replaced, tamperedSignature } from '../../src/flow/step/computed-value.ts';
import { computeValue } from '../../src/flow/step/computed-value.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';
import { runScript } from './sandbox-stub.ts';

const readDevice: StepDefinition = {
  id: '10b-read-device',
  title: 'Read the device',
  request: {
    method: 'GET',
    url: '{{apiPath}}/devices/{{deviceID}}',
    auth: { type: 'bearer', token: '{{token}}' },
  },
  expect: {
    status: 200,
    contentType: /^application\/json\b/i,
    headers: { 'correlation-id': /\S/ },
    inferred: { contentType: 'our emulator answers JSON' },
  },
  checks: [equals('/status', 'ACTIVE'), inferredCheck(equals('/type', 'TOTP'), 'why')],
  captures: [
    { variable: 'deviceStatus', pointer: '/status' },
    { variable: 'ownerID', pointer: '/user/id', id: true },
    { variable: 'nickname', pointer: '/nickname', optional: true },
  ],
  alternatives: [
    {
      expect: { status: 403 },
      checks: [equals('/code', 'ACCESS_FAILED')],
      summary: '403 ACCESS_FAILED',
      source: { kind: 'inferred', reason: 'test' },
    },
  ],
};

const USER = '8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d';
const answer = {
  code: 200,
  json: { status: 'ACTIVE', type: 'TOTP', user: { id: USER } },
  headers: { 'Content-Type': 'application/json', 'Correlation-Id': 'c-1' },
};

describe('a step’s pre-request script', () => {
  test('skips the request, naming nothing secret, when an input an earlier request sets is missing', () => {
    const lines = preRequestScript(readDevice);
    expect(runScript(lines, { variables: { apiPath: 'http://x/v1', token: 't' } }).skipped).toBe(true);
    expect(
      runScript(lines, { variables: { apiPath: 'http://x/v1', token: 't', deviceID: 'd' } }).skipped,
    ).toBe(false);
  });

  test('skips the request when a guard says so: a step only some tenants answer', () => {
    const guard = 'idflow.needs(["idflowEmulator"], "only the idflow emulator answers it")';
    const variables = { apiPath: 'http://x/v1', token: 't', deviceID: 'd' };
    expect(runScript(preRequestScript(readDevice, [guard]), { variables }).skipped).toBe(true);
    const emulator = { ...variables, idflowEmulator: 'true' };
    expect(runScript(preRequestScript(readDevice, [guard]), { variables: emulator }).skipped).toBe(false);
  });

  test('computes a tampered token and a rewritten value as idflow does, for this request only', () => {
    const jwt = 'aaa.bbb.ABCDEFGH';
    const step: StepDefinition = {
      ...readDevice,
      request: {
        ...readDevice.request,
        url: '{{shortPath}}/devices',
        auth: { type: 'bearer', token: '{{bad}}' },
      },
      derive: [tamperedSignature('token', 'bad'), replaced('apiPath', /\/v1\/?$/, '', 'shortPath')],
    };
    const variables = { apiPath: 'http://x/v1', token: jwt };
    const { local, collection, skipped } = runScript(preRequestScript(step), { variables });
    expect(skipped).toBe(false);
    const lookup = (name: string) => variables[name as keyof typeof variables];
    expect(local.get('bad')).toBe(computeValue(tamperedSignature('token', 'bad'), lookup).value);
    expect(local.get('bad')).not.toBe(jwt);
    expect(local.get('shortPath')).toBe('http://x');
    expect(collection.has('bad')).toBe(false);
  });
});

describe('a step’s test script', () => {
  test('names each test as idflow names its result, inferred ones marked, and captures on the expected status', () => {
    const { tests, collection } = runScript(testScript(readDevice), { response: answer });
    expect(tests.map((each) => [each.name, each.passed])).toEqual([
      ['status', true],
      ['content type (inferred)', true],
      ['header correlation-id', true],
      ['/status is "ACTIVE"', true],
      ['/type is "TOTP" (inferred)', true],
      ['capture deviceStatus', true],
      ['capture ownerID', true],
      ['capture nickname', true],
    ]);
    expect(collection.get('deviceStatus')).toBe('ACTIVE');
    expect(collection.get('ownerID')).toBe(USER);
    expect(collection.has('nickname')).toBe(false);
  });

  test('a capture that is not an id where an id is promised fails and keeps nothing', () => {
    const bad = { ...answer, json: { ...answer.json, user: { id: '../admin' } } };
    const { tests, collection } = runScript(testScript(readDevice), { response: bad });
    expect(tests.find((each) => each.name === 'capture ownerID')).toMatchObject({
      passed: false,
      error: 'expected a UUID at /user/id (an id later URLs carry), given "../admin"',
    });
    expect(collection.has('ownerID')).toBe(false);
  });

  test('a wrong status fails `status` alone: no check, no capture', () => {
    const { tests } = runScript(testScript(readDevice), { response: { ...answer, code: 500 } });
    expect(tests.filter((each) => !each.passed).map((each) => [each.name, each.error])).toEqual([
      ['status', 'expected 200, given 500'],
    ]);
    expect(tests.some((each) => each.name.startsWith('capture'))).toBe(false);
  });

  test('the documented alternative’s status is judged by the alternative’s checks', () => {
    const refused = { code: 403, json: { code: 'ACCESS_FAILED' }, headers: {} };
    const { tests } = runScript(testScript(readDevice), { response: refused });
    expect(tests.map((each) => [each.name, each.passed])).toEqual([
      ['status', true],
      ['/code is "ACCESS_FAILED"', true],
    ]);
  });
});
