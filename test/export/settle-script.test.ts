import { describe, expect, test } from 'vitest';
import { testScript } from '../../src/export/step-scripts.ts';
import { NEW_ENVIRONMENT_LAG } from '../../src/targets/pingone/new-environment-lag.ts';
import { readDefaultPopulation as defaultPopulation } from '../../src/targets/pingone/steps/03-create-environment.ts';
import { runScript } from './sandbox-stub.ts';

const lag = { code: 403, json: { code: 'ACCESS_FAILED', message: 'still propagating' } };
const script = testScript(defaultPopulation);

describe("a settling step's test script (the exported form of idflow's settle policy)", () => {
  test('the lag answer: no test is judged, the same request is sent again after the first wait', () => {
    const run = runScript(script, { response: lag });
    expect(run.tests).toEqual([]);
    expect(run.next).toBe('the-request-id');
    expect(run.waits).toEqual([NEW_ENVIRONMENT_LAG.poll.intervalMs]);
  });

  test('waits grow as the policy says, up to its longest', () => {
    const state = JSON.stringify({ request: 'the-request-id', since: Date.now(), asks: 20 });
    const run = runScript(script, { response: lag, collection: { idflowSettle: state } });
    expect(run.waits).toEqual([NEW_ENVIRONMENT_LAG.poll.maxIntervalMs]);
  });

  test('past the deadline, the lag answer is judged as any other: the status fails, nothing is sent again', () => {
    const since = Date.now() - NEW_ENVIRONMENT_LAG.poll.deadlineMs;
    const state = JSON.stringify({ request: 'the-request-id', since, asks: 12 });
    const run = runScript(script, { response: lag, collection: { idflowSettle: state } });
    expect(run.next).toBeUndefined();
    expect(run.tests.find((each) => each.name === 'status')).toMatchObject({ passed: false });
    expect(run.collection.has('idflowSettle')).toBe(false);
  });

  test('an answer that is not the lag (another code) is judged at once', () => {
    const run = runScript(script, { response: { code: 403, json: { code: 'INSUFFICIENT_PERMISSIONS' } } });
    expect(run.next).toBeUndefined();
    expect(run.tests.find((each) => each.name === 'status')).toMatchObject({ passed: false });
  });
});
