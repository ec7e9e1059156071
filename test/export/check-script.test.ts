import { describe, expect, test } from 'vitest';
import { checkTest } from '../../src/export/check-script.ts';
import { HELPERS_LINE } from '../../src/export/helpers-script.ts';
import {
  absent,
  atLeast,
  equals,
  inferredCheck,
  listContains,
  locationIsSelf,
  matches,
  present,
  type Check,
} from '../../src/flow/step/checks.ts';
import { runScript, type StubResponse } from './sandbox-stub.ts';

/** Runs one check's generated `pm.test` against a response; returns its one recorded test. */
function judge(check: Check, response: StubResponse, variables: Record<string, unknown> = {}) {
  const { tests } = runScript([HELPERS_LINE, checkTest(check)], { response, variables });
  expect(tests).toHaveLength(1);
  return tests[0] as NonNullable<(typeof tests)[0]>;
}

const device = {
  id: 'd-1',
  status: 'ACTIVE',
  mfaEnabled: true,
  'a/b': { '~c': 1 },
  _links: { self: { href: 'http://tenant/devices/d-1' } },
  _embedded: {
    devices: [
      { id: 'd-0', type: 'EMAIL', status: 'ACTIVE' },
      { id: 'd-1', type: 'TOTP', status: 'ACTIVATION_REQUIRED' },
    ],
  },
};
const ok = (json: unknown = device, headers: Record<string, string> = {}): StubResponse => ({
  code: 200,
  json,
  headers,
});

describe('each check kind, as a pm.test script, holds where idflow holds it and fails where it fails', () => {
  test('equals: a literal, a {{variable}} (its own type kept), a nested template', () => {
    expect(judge(equals('/status', 'ACTIVE'), ok())).toMatchObject({
      name: '/status is "ACTIVE"',
      passed: true,
    });
    expect(judge(equals('/id', '{{deviceID}}'), ok(), { deviceID: 'd-1' }).passed).toBe(true);
    expect(judge(equals('/mfaEnabled', '{{flag}}'), ok(), { flag: true }).passed).toBe(true);
    expect(judge(equals('/a~1b', { '~c': 1 }), ok()).passed).toBe(true);
    const failed = judge(equals('/status', '{{wanted}}'), ok(), { wanted: 'BLOCKED' });
    expect(failed).toMatchObject({ passed: false, error: 'expected "BLOCKED", given "ACTIVE"' });
  });

  test('present and absent', () => {
    expect(judge(present('/id'), ok()).passed).toBe(true);
    expect(judge(present('/secret'), ok())).toMatchObject({
      passed: false,
      error: 'expected present, given missing',
    });
    expect(judge(present('/id'), ok({ id: null })).passed).toBe(false);
    expect(judge(absent('/secret'), ok()).passed).toBe(true);
    expect(judge(absent('/id'), ok())).toMatchObject({
      passed: false,
      error: 'expected absent, given "d-1"',
    });
  });

  test('matches: the pattern and its flags survive the trip into the script', () => {
    expect(judge(matches('/status', /^active$/i), ok()).passed).toBe(true);
    expect(judge(matches('/status', /^active$/), ok()).passed).toBe(false);
    expect(judge(matches('/mfaEnabled', /true/), ok())).toMatchObject({
      passed: false,
      error: 'expected matches /true/, given true',
    });
  });

  test('listContains: every pair must hold for one item', () => {
    const listed = listContains('/_embedded/devices', { '/id': '{{deviceID}}', '/type': 'TOTP' }, 'listed');
    expect(judge(listed, ok(), { deviceID: 'd-1' }).passed).toBe(true);
    const mixed = listContains('/_embedded/devices', { '/id': 'd-0', '/type': 'TOTP' }, 'mixed');
    expect(judge(mixed, ok())).toMatchObject({
      passed: false,
      error: expect.stringMatching(/given 2 item\(s\), none matching$/),
    });
    expect(judge(mixed, ok({})).error).toMatch(/given missing$/);
  });

  test('atLeast: an array’s length or a number', () => {
    expect(judge(atLeast('/_embedded/devices', 2), ok()).passed).toBe(true);
    expect(judge(atLeast('/_embedded/devices', 3), ok())).toMatchObject({
      passed: false,
      error: 'expected at least 3, given 2',
    });
    expect(judge(atLeast('/count', 1), ok({ count: 0 })).passed).toBe(false);
  });

  test('headerEqualsBody: Location is the new resource', () => {
    const location = locationIsSelf();
    expect(judge(location, ok(device, { Location: 'http://tenant/devices/d-1' })).passed).toBe(true);
    expect(judge(location, ok(device, { Location: 'http://tenant/devices/other' })).passed).toBe(false);
    expect(judge(location, ok())).toMatchObject({
      passed: false,
      error: expect.stringMatching(/given missing$/),
    });
  });

  test('an inferred check says so in its test name', () => {
    expect(judge(inferredCheck(present('/id', 'has an id'), 'our emulator does'), ok()).name).toBe(
      'has an id (inferred)',
    );
  });
});
