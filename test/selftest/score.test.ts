import { describe, expect, test } from 'vitest';
import { formatResult, formatScore, judgeRun, ratio, scoreOf } from '../../src/selftest/index.ts';
import type { FaultResult, RunObservation, RunSubject } from '../../src/selftest/index.ts';

const harmful = (name: string): RunSubject => ({
  target: 'pingone',
  fault: { name, description: `${name} described`, harmful: true },
});
const benign = (name: string): RunSubject => ({
  target: 'pingone',
  fault: { name, description: `${name} described`, harmful: false },
});
const control: RunSubject = { target: 'pingone' };

function exited(code: number | null, extra: Partial<RunObservation> = {}): RunObservation {
  return { code, timedOut: false, durationMs: 4200, stderrTail: '', ...extra };
}

const FAILED_AT = '05-create-user: status: expected 201, given 200';

describe('judgeRun', () => {
  test('exit 1 catches a harmful fault and names the first failing check', () => {
    const result = judgeRun(harmful('create-user-returns-200'), exited(1, { firstFailure: FAILED_AT }));
    expect(result).toMatchObject({
      verdict: 'caught',
      harmful: true,
      fault: 'create-user-returns-200',
      detail: FAILED_AT,
    });
  });

  test('exit 0 misses a harmful fault and survives a benign one', () => {
    expect(judgeRun(harmful('silent'), exited(0)).verdict).toBe('missed');
    expect(judgeRun(benign('slow'), exited(0))).toMatchObject({ verdict: 'survived', detail: '' });
    expect(judgeRun(control, exited(0))).toMatchObject({
      verdict: 'survived',
      fault: undefined,
      harmful: false,
    });
  });

  test('exit 1 without a catch the fault declares has not caught it, and says where it failed instead', () => {
    const declared: RunSubject = {
      target: 'pingone',
      fault: {
        name: 'create-user-returns-200',
        description: 'd',
        harmful: true,
        catches: [{ step: '05-create-user', check: 'status: expected 201, given 200' }],
      },
    };
    const elsewhere = judgeRun(
      declared,
      exited(1, {
        firstFailure: '01-get-access-token: status: expected 200, given 500',
        failures: [{ step: '01-get-access-token', message: '✗ status: expected 200, given 500' }],
      }),
    );
    expect(elsewhere).toMatchObject({
      verdict: 'missed',
      detail:
        'exit 1, but 05-create-user did not fail at "status: expected 201, given 200" (first failure: ' +
        '01-get-access-token: status: expected 200, given 500)',
    });
    // The right step failing at another check is not the catch either.
    const otherCheck = judgeRun(
      declared,
      exited(1, { failures: [{ step: '05-create-user', message: '✗ schema pingone/user' }] }),
    );
    expect(otherCheck.verdict).toBe('missed');
    const caught = judgeRun(
      declared,
      exited(1, {
        firstFailure: FAILED_AT,
        failures: [{ step: '05-create-user', message: `failed:\n  ✗ status: expected 201, given 200` }],
      }),
    );
    expect(caught).toMatchObject({ verdict: 'caught', detail: FAILED_AT });
  });

  test('exit 1 on a benign fault broke the suite', () => {
    expect(judgeRun(benign('slow'), exited(1, { firstFailure: FAILED_AT }))).toMatchObject({
      verdict: 'broken',
      detail: FAILED_AT,
    });
  });

  test('exit 2, a crash and a timeout are errored with the reason, for harmful and benign alike', () => {
    const usage = judgeRun(
      harmful('x'),
      exited(2, { stderrTail: 'idflow: PINGONE_CLIENT_ID is missing.\n' }),
    );
    expect(usage.verdict).toBe('errored');
    expect(usage.detail).toBe(
      'exit 2 (configuration or usage, not a conformance failure): idflow: PINGONE_CLIENT_ID is missing.',
    );
    expect(judgeRun(benign('y'), exited(null)).detail).toBe('crashed (exit killed)');
    const late = judgeRun(benign('y'), exited(null, { timedOut: true, durationMs: 180_400 }));
    expect([late.verdict, late.detail]).toEqual(['errored', 'timed out after 180 s']);
    // A run that exits 1 only because it was stopped at the deadline caught nothing.
    expect(judgeRun(harmful('x'), exited(1, { timedOut: true })).verdict).toBe('errored');
  });
});

describe('scoreOf', () => {
  const perfect: FaultResult[] = [
    judgeRun(control, exited(0)),
    judgeRun(harmful('a'), exited(1, { firstFailure: FAILED_AT })),
    judgeRun(harmful('b'), exited(1, { firstFailure: FAILED_AT })),
    judgeRun(benign('c'), exited(0)),
  ];

  test('counts caught / harmful and survived / benign; the control run is in neither count', () => {
    expect(scoreOf(perfect)).toMatchObject({
      caught: 2,
      harmful: 2,
      survived: 1,
      benign: 1,
      controlsPassed: 1,
      controls: 1,
      shortfalls: [],
      perfect: true,
    });
    expect(formatScore('pingone', scoreOf(perfect))).toBe(
      'pingone         caught 2/2 (100 %) harmful, survived 1/1 (100 %) benign',
    );
  });

  test('a harmful fault not caught lowers the score and names the fault', () => {
    const results = [...perfect, judgeRun(harmful('accepts-anything'), exited(0))];
    const score = scoreOf(results);
    expect(score).toMatchObject({ caught: 2, harmful: 3, perfect: false });
    expect(score.shortfalls.map((result) => result.fault)).toEqual(['accepts-anything']);
    expect(formatScore('score', score)).toContain('caught 2/3 (66.6 %) harmful');
    expect(formatResult(score.shortfalls[0] as FaultResult)).toMatch(
      /^✗ pingone +accepts-anything +harmful MISSED +4\.2 s {2}the suite passed: no check noticed this fault$/,
    );
  });

  test('a benign fault that breaks the suite, or an errored run, lowers the survived count', () => {
    const score = scoreOf([
      ...perfect,
      judgeRun(benign('reset'), exited(1, { firstFailure: FAILED_AT })),
      judgeRun(benign('late'), exited(null, { timedOut: true })),
    ]);
    expect(score).toMatchObject({ survived: 1, benign: 3, perfect: false });
    expect(score.shortfalls.map((result) => result.fault)).toEqual(['reset', 'late']);
  });

  test('a failing control run makes the score not perfect and says why', () => {
    const score = scoreOf([judgeRun(control, exited(1, { firstFailure: FAILED_AT })), ...perfect.slice(1)]);
    expect(score).toMatchObject({
      caught: 2,
      harmful: 2,
      survived: 1,
      benign: 1,
      controlsPassed: 0,
      perfect: false,
    });
    expect(formatScore('score', score)).toContain(
      'control runs passed 0/1: scores are meaningless until the suite is green',
    );
  });

  test('no fault run at all is not a perfect score', () => {
    expect(scoreOf([judgeRun(control, exited(0))]).perfect).toBe(false);
    expect(ratio(0, 0)).toBe('0/0 (n/a)');
  });
});
