import { describe, expect, test } from 'vitest';
import { compareMarkdown } from '../../src/report/compare-markdown.ts';
import { compareResults } from '../../src/report/compare-results.ts';
import { median, percentile } from '../../src/report/endpoint-timings.ts';
import type { CheckRun, ExchangeRecord, RunResults, TargetResults } from '../../src/report/results.ts';
import { resultsFixture } from './results-fixture.ts';

const passing = resultsFixture({ failing: false });
const failing = resultsFixture({ failing: true });

/** The fixture's one target with its checks and exchanges rewritten. */
function altered(
  results: RunResults,
  change: {
    checks?: (checks: readonly CheckRun[]) => CheckRun[];
    exchanges?: (exchanges: readonly ExchangeRecord[]) => ExchangeRecord[];
  },
): RunResults {
  const [target] = results.targets as [TargetResults];
  return {
    ...results,
    targets: [
      {
        ...target,
        checks: change.checks?.(target.checks) ?? target.checks,
        exchanges: change.exchanges?.(target.exchanges) ?? target.exchanges,
      },
    ],
  };
}

const USERS = '/v1/environments/{id}/users';

/** Every exchange to POST …/users takes `ms(its old duration)`. */
function usersTake(results: RunResults, ms: (before: number) => number): RunResults {
  return altered(results, {
    exchanges: (exchanges) =>
      exchanges.map((exchange) =>
        exchange.pathTemplate === USERS ? { ...exchange, durationMs: ms(exchange.durationMs) } : exchange,
      ),
  });
}

/** `count` answered exchanges to GET /v1/things, taking the given times in turn. */
function things(results: RunResults, times: readonly number[]): RunResults {
  return altered(results, {
    exchanges: (exchanges) => {
      const template = exchanges[0] as ExchangeRecord;
      return [
        ...exchanges,
        ...times.map((durationMs, at) => ({
          ...template,
          index: exchanges.length + at,
          method: 'GET',
          pathTemplate: '/v1/things',
          durationMs,
        })),
      ];
    },
  });
}

describe('checks', () => {
  test('passing → failing: the check that failed is newly failed, the one it starved newly skipped', () => {
    const comparison = compareResults(passing, failing);
    expect(comparison.newlyFailed).toEqual([
      {
        target: 'pingone',
        id: '05-create-user',
        before: 'passed',
        after: 'failed',
        detail: '05-create-user: status: expected 201, given 400',
      },
    ]);
    expect(comparison.newlySkipped).toEqual([
      {
        target: 'pingone',
        id: '07-enable-user-mfa',
        before: 'passed',
        after: 'skipped',
        detail: 'needs sharedUserID from 05-create-user, which failed',
      },
    ]);
    expect(comparison.fixed).toEqual([]);
    expect(comparison.appeared).toEqual([]);
    expect(comparison.disappeared).toEqual([]);
    // Both runs report the same unconfirmed expectation: nothing newly unconfirmed.
    expect(comparison.newlyUnconfirmed).toEqual([]);
  });

  test('failing → passing: fixed, and nothing newly failed', () => {
    const comparison = compareResults(failing, passing);
    expect(comparison.newlyFailed).toEqual([]);
    expect(comparison.fixed.map((change) => [change.id, change.before, change.after])).toEqual([
      ['05-create-user', 'failed', 'passed'],
    ]);
    expect(comparison.newlySkipped).toEqual([]);
  });

  test('failed in both is still failing, not newly failed', () => {
    const comparison = compareResults(failing, failing);
    expect(comparison.newlyFailed).toEqual([]);
    expect(comparison.stillFailing.map((change) => change.id)).toEqual(['05-create-user']);
  });

  test('a new check that fails is newly failed and appeared; a check gone is listed as disappeared', () => {
    const after = altered(passing, {
      checks: (checks) => [
        ...checks.filter((check) => check.id !== '05-create-user/missing-role'),
        {
          ...(checks[0] as CheckRun),
          id: '08-new-step',
          status: 'failed',
          failure: { summary: '08-new-step: status: expected 200, given 500', message: '…' },
        },
      ],
    });
    const comparison = compareResults(passing, after);
    expect(comparison.newlyFailed.map((change) => [change.id, change.before])).toEqual([
      ['08-new-step', undefined],
    ]);
    expect(comparison.appeared.map((change) => [change.id, change.after])).toEqual([
      ['08-new-step', 'failed'],
    ]);
    expect(comparison.disappeared.map((change) => [change.id, change.before, change.after])).toEqual([
      ['05-create-user/missing-role', 'passed', undefined],
    ]);
  });

  test('an unconfirmed expectation NEW reports and OLD did not is newly unconfirmed', () => {
    const after = altered(passing, {
      checks: (checks) =>
        checks.map((check) =>
          check.id === '99-teardown'
            ? { ...check, unconfirmed: ['Correlation-Id: expected present, given missing'] }
            : check,
        ),
    });
    expect(compareResults(passing, after).newlyUnconfirmed).toEqual([
      {
        target: 'pingone',
        id: '99-teardown',
        unconfirmed: ['Correlation-Id: expected present, given missing'],
      },
    ]);
    expect(compareResults(after, passing).newlyUnconfirmed).toEqual([]);
  });
});

describe('endpoint timings', () => {
  test('median and nearest-rank p95', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(percentile([1, 2, 3], 95)).toBe(3);
    const twenty = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(percentile(twenty, 95)).toBe(19);
  });

  test('per target, method and path template, over answered exchanges sent once', () => {
    const comparison = compareResults(passing, passing);
    const users = comparison.timings.find((timing) => timing.pathTemplate === USERS);
    // 90 (create), 40 (expired token), 45 (missing role): the median is 45, p95 the slowest.
    expect(users).toMatchObject({
      target: 'pingone',
      method: 'POST',
      old: { count: 3, medianMs: 45, p95Ms: 90 },
      medianSlower: false,
      p95Slower: false,
    });
    // POST /environments was retried after a 429: its time is the wait, not the endpoint's.
    expect(comparison.timings.map((timing) => timing.pathTemplate)).not.toContain('/v1/environments');
    expect(comparison.slower).toEqual([]);
  });

  test('5 ms slower is noise; twice as slow is reported, median and p95', () => {
    expect(
      compareResults(
        passing,
        usersTake(passing, (ms) => ms + 5),
      ).slower,
    ).toEqual([]);
    const doubled = compareResults(
      passing,
      usersTake(passing, (ms) => ms * 2),
    );
    expect(doubled.slower).toHaveLength(1);
    expect(doubled.slower[0]).toMatchObject({
      method: 'POST',
      pathTemplate: USERS,
      old: { medianMs: 45, p95Ms: 90 },
      new: { medianMs: 90, p95Ms: 180 },
      medianSlower: true,
      p95Slower: true,
    });
  });

  test('both margins must be exceeded: +67 % but only +20 ms is noise by default, slower with --threshold-ms 10', () => {
    const before = things(passing, [30]);
    const after = things(passing, [50]);
    expect(compareResults(before, after).slower).toEqual([]);
    expect(
      compareResults(before, after, { percent: 20, ms: 10 }).slower.map((timing) => timing.pathTemplate),
    ).toEqual(['/v1/things']);
    // +200 ms on a 2 s endpoint is 10 %: noise by the relative margin.
    expect(compareResults(things(passing, [2000]), things(passing, [2200])).slower).toEqual([]);
  });

  test('a slower tail with the same median is flagged by p95 alone', () => {
    const steady = Array.from({ length: 20 }, () => 100);
    const tail = [...steady.slice(0, 18), 400, 400];
    const [timing] = compareResults(things(passing, steady), things(passing, tail)).slower;
    expect(timing).toMatchObject({
      pathTemplate: '/v1/things',
      old: { count: 20, medianMs: 100, p95Ms: 100 },
      new: { count: 20, medianMs: 100, p95Ms: 400 },
      medianSlower: false,
      p95Slower: true,
    });
  });
});

describe('compareMarkdown', () => {
  test('names the newly failed check in the title and its table, with what it was before', () => {
    const markdown = compareMarkdown(compareResults(passing, failing));
    expect(markdown).toMatch(/^# idflow compare: 1 newly failed\n/);
    expect(markdown).toContain(
      '## Newly failed (1)\n\n| Target | Check | Before | Failure |\n| --- | --- | --- | --- |\n' +
        '| pingone | 05-create-user | passed | 05-create-user: status: expected 201, given 400 |',
    );
    expect(markdown).toContain(
      '| pingone | 07-enable-user-mfa | passed | needs sharedUserID from 05-create-user, which failed |',
    );
  });

  test('says "Nothing newly failed." and lists what was fixed', () => {
    const markdown = compareMarkdown(compareResults(failing, passing));
    expect(markdown).toMatch(/^# idflow compare: nothing newly failed, 1 fixed\n/);
    expect(markdown).toContain('## Newly failed\n\nNothing newly failed.');
    expect(markdown).toContain(
      '## Fixed (1)\n\n| Target | Check | Before |\n| --- | --- | --- |\n| pingone | 05-create-user | failed |',
    );
    expect(markdown).toContain(
      'No endpoint is slower beyond the noise threshold (+20 % and +25 ms); 4 endpoints compared.',
    );
  });

  test('the slower endpoints, with both times and the change', () => {
    const markdown = compareMarkdown(
      compareResults(
        passing,
        usersTake(passing, (ms) => ms * 2),
      ),
    );
    expect(markdown).toContain('## Slower endpoints (1)');
    expect(markdown).toContain(
      '| pingone | POST /v1/environments/{id}/users | 45 ms | **90 ms (+100 %, +45 ms)** | 90 ms | **180 ms (+100 %, +90 ms)** | 3 / 3 |',
    );
  });

  test('a check id or reason from the file cannot break the table or become HTML', () => {
    const after = altered(failing, {
      checks: (checks) =>
        checks.map((check) =>
          check.id === '07-enable-user-mfa'
            ? { ...check, skipReason: 'a | b <script>x</script>\nnext' }
            : check,
        ),
    });
    const markdown = compareMarkdown(compareResults(passing, after));
    const row = markdown
      .split('\n')
      .find((line) => line.startsWith('| pingone | 07-enable-user-mfa')) as string;
    expect(row).toBe(
      '| pingone | 07-enable-user-mfa | passed | a \\| b &lt;script&gt;x&lt;/script&gt;<br>next |',
    );
  });
});
