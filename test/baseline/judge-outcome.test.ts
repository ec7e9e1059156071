import { describe, expect, test } from 'vitest';
import { BaselineMismatchError, judgeOutcome } from '../../src/baseline/index.ts';
import { TransportError } from '../../src/http/transport-error.ts';
import { FILE, MFA_DEVIATION, MFA_FALSE, STATUS_OK, baselineOf, stepFailure } from './fixtures.ts';

const STEP = '07b-read-user-mfa-enabled';

function mismatch(judgement: ReturnType<typeof judgeOutcome>): BaselineMismatchError {
  if (judgement.verdict !== 'fail') throw new Error(`expected a failure, got ${JSON.stringify(judgement)}`);
  expect(judgement.error).toBeInstanceOf(BaselineMismatchError);
  return judgement.error as BaselineMismatchError;
}

describe('judgeOutcome', () => {
  test('a listed check failing exactly as recorded passes, noted with the reason', () => {
    const judgement = judgeOutcome(baselineOf(MFA_DEVIATION), STEP, {
      passed: false,
      error: stepFailure(STEP, 'CHECK_FAILED', [STATUS_OK, MFA_FALSE]),
    });
    expect(judgement.verdict).toBe('pass');
    if (judgement.verdict !== 'pass') return;
    expect(judgement.deviation).toBe(MFA_DEVIATION);
    expect(judgement.note).toMatch(
      /^known deviation: tenant applies mfaEnabled asynchronously \(ticket QA-42\)/,
    );
    expect(judgement.note).toContain(FILE);
  });

  test('fields the entry omits match anything: a code-only entry accepts any CHECK_FAILED', () => {
    const entry = { ...MFA_DEVIATION, outcome: { code: 'CHECK_FAILED' as const } };
    const other = { ...MFA_FALSE, given: 'null' };
    expect(
      judgeOutcome(baselineOf(entry), STEP, {
        passed: false,
        error: stepFailure(STEP, 'CHECK_FAILED', [STATUS_OK, other]),
      }).verdict,
    ).toBe('pass');
  });

  test('a different code is a changed deviation naming the old and the new outcome', () => {
    const failure = stepFailure(STEP, 'STATUS_MISMATCH', [
      { name: 'status', passed: false, expected: '200', given: '404' },
    ]);
    const error = mismatch(judgeOutcome(baselineOf(MFA_DEVIATION), STEP, { passed: false, error: failure }));
    expect(error.code).toBe('DEVIATION_CHANGED');
    expect(error.fault).toBe('api');
    expect(error.cause).toBe(failure);
    expect(error.recorded).toEqual(MFA_DEVIATION.outcome);
    expect(error.observed).toEqual({ code: 'STATUS_MISMATCH', check: 'status', given: '404' });
    expect(error.message).toContain(
      `known deviation changed: ${STEP} is listed in ${FILE} as failing with CHECK_FAILED at "GET shows ` +
        `mfaEnabled true after the PUT", given false`,
    );
    expect(error.message).toContain('but this run it failed with STATUS_MISMATCH at "status", given 404');
    // The original failure (hint, evidence) follows.
    expect(error.message).toContain(failure.message);
  });

  test('the same code at another check, or with another given value, is a changed deviation', () => {
    const otherCheck = stepFailure(STEP, 'CHECK_FAILED', [
      STATUS_OK,
      { ...MFA_FALSE, name: 'something else' },
    ]);
    const otherGiven = stepFailure(STEP, 'CHECK_FAILED', [STATUS_OK, { ...MFA_FALSE, given: '"yes"' }]);
    expect(
      mismatch(judgeOutcome(baselineOf(MFA_DEVIATION), STEP, { passed: false, error: otherCheck })).code,
    ).toBe('DEVIATION_CHANGED');
    expect(
      mismatch(judgeOutcome(baselineOf(MFA_DEVIATION), STEP, { passed: false, error: otherGiven })).code,
    ).toBe('DEVIATION_CHANGED');
  });

  test('a changed deviation keeps the fault of the new failure', () => {
    const transport = new TransportError({
      code: 'CONNECTION_FAILED',
      message: 'refused',
      fault: 'config',
      method: 'GET',
      url: 'http://x/',
    });
    expect(
      mismatch(judgeOutcome(baselineOf(MFA_DEVIATION), STEP, { passed: false, error: transport })).fault,
    ).toBe('config');
    expect(
      mismatch(judgeOutcome(baselineOf(MFA_DEVIATION), STEP, { passed: false, error: new TypeError('bug') }))
        .fault,
    ).toBe('suite');
  });

  test('a listed check that passes is an unexpected pass asking for the entry to be removed', () => {
    const error = mismatch(judgeOutcome(baselineOf(MFA_DEVIATION), STEP, { passed: true }));
    expect(error.code).toBe('UNEXPECTED_PASS');
    expect(error.fault).toBe('api');
    expect(error.message).toMatch(new RegExp(`^unexpected pass: ${STEP} now behaves as documented`));
    expect(error.message).toContain(`Remove ${STEP} from ${FILE}`);
  });

  test('an unlisted check keeps its own outcome', () => {
    const failure = stepFailure('05-create-user', 'STATUS_MISMATCH', [
      { name: 'status', passed: false, expected: '201', given: '200' },
    ]);
    expect(judgeOutcome(baselineOf(MFA_DEVIATION), '05-create-user', { passed: true })).toEqual({
      verdict: 'pass',
    });
    expect(
      judgeOutcome(baselineOf(MFA_DEVIATION), '05-create-user', { passed: false, error: failure }),
    ).toEqual({ verdict: 'fail', error: failure });
    expect(judgeOutcome(baselineOf(), STEP, { passed: false, error: failure })).toEqual({
      verdict: 'fail',
      error: failure,
    });
  });
});
