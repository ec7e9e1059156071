import { describe, expect, test } from 'vitest';
import { githubAnnotations, githubStepSummary } from '../../src/report/github-report.ts';
import { escapeData, escapeProperty } from '../../src/report/workflow-command.ts';
import type { CheckRun, ExchangeRecord, RunResults, TargetResults } from '../../src/report/results.ts';
import { resultsFixture } from './results-fixture.ts';

/** The fixture with one target's fields and some of its checks replaced. */
function altered(
  results: RunResults,
  change: { target?: Partial<TargetResults>; checks?: Record<string, Partial<CheckRun>> },
): RunResults {
  const [target] = results.targets as [TargetResults];
  const checks = target.checks.map((check) => ({ ...check, ...change.checks?.[check.id] }));
  return { ...results, targets: [{ ...target, checks, ...change.target }] };
}

/** A workflow command read back as the runner reads it (actions/runner ActionCommand.TryParseV2). */
function parseCommand(line: string): { name: string; properties: Record<string, string>; data: string } {
  expect(line.startsWith('::')).toBe(true);
  const end = line.indexOf('::', 2);
  const header = line.slice(2, end);
  const space = header.indexOf(' ');
  const name = space < 0 ? header : header.slice(0, space);
  const properties: Record<string, string> = {};
  for (const pair of space < 0 ? [] : header.slice(space + 1).split(',')) {
    const equals = pair.indexOf('=');
    properties[pair.slice(0, equals)] = pair
      .slice(equals + 1)
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');
  }
  const data = line
    .slice(end + 2)
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%25/g, '%');
  return { name, properties, data };
}

describe('workflow command escaping (as @actions/core escapes)', () => {
  test('data escapes %, CR and LF, % first; a property also escapes : and ,', () => {
    expect(escapeData('100% done\r\nnext %0A')).toBe('100%25 done%0D%0Anext %250A');
    expect(escapeProperty('a: b, c%\n')).toBe('a%3A b%2C c%25%0A');
  });
});

describe('githubAnnotations', () => {
  test('one ::error per failed check, at its definition, titled target: check id, with hint and Correlation-Id', () => {
    const lines = githubAnnotations(resultsFixture({ failing: true }));
    const errors = lines.filter((line) => line.startsWith('::error '));
    expect(errors).toEqual([
      '::error file=src/targets/pingone/steps/05-create-user.ts,line=30,title=pingone%3A 05-create-user::' +
        '05-create-user: status: expected 201, given 400%0A' +
        'Hint: the tenant refused the user: read its details%0ACorrelation-Id: corr-4',
    ]);
    expect(
      githubAnnotations(resultsFixture({ failing: false })).filter((line) => line.startsWith('::error')),
    ).toEqual([]);
  });

  test('every expectation that did not hold is said, and a check without a definition points at its suite', () => {
    const results = altered(resultsFixture(), {
      checks: {
        '04-create-population': {
          status: 'failed',
          failure: { summary: '04-create-population failed: 2 checks', message: '…' },
          expectations: [
            { name: 'status', passed: true, expected: '201', given: '201' },
            { name: 'schema', passed: false, expected: 'pingone/population', given: '/name missing' },
            { name: 'Location header', passed: false, expected: 'present', given: 'missing' },
          ],
        },
      },
    });
    const error = githubAnnotations(results).find((line) => line.includes('04-create-population::'));
    expect(error).toBeDefined();
    const { properties, data } = parseCommand(error as string);
    expect(properties).toEqual({
      file: 'suites/pingone/04-create-population.test.ts',
      title: 'pingone: 04-create-population',
    });
    expect(data.split('\n')).toEqual([
      '04-create-population failed: 2 checks',
      'schema: expected pingone/population, given /name missing',
      'Location header: expected present, given missing',
    ]);
  });

  test('one ::warning per unconfirmed expectation, titled "<target>: <check id> unconfirmed"', () => {
    const results = altered(resultsFixture(), {
      checks: {
        '99-teardown': { unconfirmed: ['Correlation-Id header: expected present, given missing', 'second'] },
      },
    });
    const warnings = githubAnnotations(results)
      .filter((line) => line.startsWith('::warning '))
      .map(parseCommand);
    expect(warnings.map((warning) => [warning.properties.title, warning.data])).toEqual([
      [
        'pingone: 03-create-environment unconfirmed',
        'Location header: expected present, given missing (inferred: docs examples)',
      ],
      ['pingone: 99-teardown unconfirmed', 'Correlation-Id header: expected present, given missing'],
      ['pingone: 99-teardown unconfirmed', 'second'],
    ]);
    expect(warnings[0]?.properties).toMatchObject({
      file: 'src/targets/pingone/steps/03-create-environment.ts',
      line: '20',
    });
  });

  test("a tenant's text cannot issue a command of its own: each annotation stays one line and reads back whole", () => {
    const summary = 'bad answer\n::set-output name=token::stolen\r\n::add-mask::x';
    const hint = 'see %0A::add-mask::y, and ::stop-commands::z';
    const results = altered(resultsFixture(), {
      target: { name: 'acme,line=1:evil' },
      checks: {
        '05-create-user': {
          definition: { file: 'src/a,title=x::y.ts', line: 30 },
          failure: { summary, message: summary, hint },
          unconfirmed: ['given "\n::error::forged"'],
        },
      },
    });
    const lines = githubAnnotations(results);
    const output = `${lines.join('\n')}\n`;
    // Only the annotations idflow meant start a line; nothing a tenant wrote does.
    expect(output.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(lines.length);
    expect(output).not.toMatch(/^::(set-output|add-mask|stop-commands)/m);
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
    const error = parseCommand(lines.find((line) => line.startsWith('::error')) as string);
    expect(error.properties).toEqual({
      file: 'src/a,title=x::y.ts',
      line: '30',
      title: 'acme,line=1:evil: 05-create-user',
    });
    expect(error.data).toBe(`${summary}\nstatus: expected 201, given 400\nHint: ${hint}`);
    const forged = lines
      .map(parseCommand)
      .find((command) => command.properties.title?.endsWith('05-create-user unconfirmed'));
    expect(forged).toMatchObject({ name: 'warning', data: 'given "\n::error::forged"' });
  });
});

/** A Markdown table row's cells: split at the pipes a backslash does not escape. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

describe('githubStepSummary', () => {
  test('the verdict, then a counts table with one row per target', () => {
    const summary = githubStepSummary(resultsFixture({ failing: true }));
    expect(summary).toMatch(/^## ❌ idflow: 1 check failed\n/);
    const rows = summary.split('\n').filter((line) => line.startsWith('| '));
    expect(rows[0]).toBe('| Target | Passed | Failed | Skipped | Unconfirmed | Tenant | Run id | Duration |');
    expect(rows[2]).toBe('| pingone | 6 | 1 | 2 | 1 | api.pingone.eu | 20261126t0200-abc123 | 2.1 s |');
    expect(githubStepSummary(resultsFixture({ failing: false }))).toMatch(
      /^## ✅ idflow: passed \(9 checks\)\n/,
    );
  });

  test('each failure: summary, hint, Correlation-Id, the curl collapsed; the unconfirmed list', () => {
    const summary = githubStepSummary(resultsFixture({ failing: true }));
    expect(summary).toContain(
      '#### pingone: 05-create-user\n\n05-create-user: status: expected 201, given 400\n',
    );
    expect(summary).toContain('- **Hint:** the tenant refused the user: read its details\n');
    expect(summary).toContain('- **Correlation-Id:** corr-4\n');
    expect(summary).toMatch(
      /<details><summary>curl<\/summary>\n\n```sh\ncurl -X POST '.*\/users' -H 'Authorization: Bearer \[REDACTED\]'\n```\n\n<\/details>/,
    );
    expect(summary).toContain(
      '### Unconfirmed\n\n- **pingone: 03-create-environment:** Location header: expected present',
    );
  });

  test('the ten slowest requests, slowest first', () => {
    const base = resultsFixture();
    const [target] = base.targets as [TargetResults];
    const template = target.exchanges[1] as ExchangeRecord;
    const exchanges = Array.from({ length: 14 }, (_, index) => ({
      ...template,
      index,
      durationMs: (index * 37) % 101,
    }));
    const summary = githubStepSummary(altered(base, { target: { exchanges } }));
    const section = summary.slice(summary.indexOf('### Slowest requests'));
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .slice(2);
    const times = rows.map((row) => Number(cells(row)[4]));
    expect(times).toHaveLength(10);
    expect(times).toEqual([...exchanges.map((each) => each.durationMs)].sort((a, b) => b - a).slice(0, 10));
    expect(cells(rows[0] as string).map((cell) => cell.trim())).toEqual([
      'pingone',
      'POST',
      '/v1/environments',
      '201',
      String(times[0]),
      '03-create-environment',
    ]);
  });

  test("a vendor's text cannot break a table, open a code span or become HTML", () => {
    const hostile = 'a | b <img src=x onerror=alert(1)> `tick` </details>\n# heading';
    const results = altered(resultsFixture(), {
      target: { tenant: hostile },
      checks: {
        '05-create-user': {
          failure: {
            summary: hostile,
            message: hostile,
            hint: hostile,
            evidence: {
              request: 'POST x',
              correlationId: hostile,
              curl: "curl 'x'\n```\n</details><b>out</b>",
            },
          },
        },
      },
    });
    const summary = githubStepSummary(results);
    const outsideCode = summary.replace(/^(`{3,})sh\n[\s\S]*?\n\1$/gm, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('<b>');
    expect(summary).not.toMatch(/^# heading/m);
    // The counts row keeps its eight cells.
    const row = summary.split('\n').find((line) => line.startsWith('| pingone |')) as string;
    expect(cells(row)).toHaveLength(8);
    expect(cells(row)[5]).toBe(
      ' a \\| b &lt;img src=x onerror=alert(1)&gt; \\`tick\\` &lt;/details&gt;<br># heading ',
    );
    // Backticks in the curl make the fence longer than any run inside it; the one </details> is ours.
    expect(summary).toContain("````sh\ncurl 'x'\n```\n</details><b>out</b>\n````");
    expect(summary.split('\n').filter((line) => line === '</details>')).toHaveLength(1);
  });
});
