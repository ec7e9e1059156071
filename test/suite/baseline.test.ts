import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getPingOneFault } from '../../src/emulator/pingone/index.ts';
import { stepResult } from '../support/json-report.ts';
import { runCli } from '../support/run-cli.ts';
import { runSuiteAgainst, type SuiteRun } from '../support/standalone-run.ts';
import type { KnownDeviation } from '../../src/baseline/index.ts';

/**
 * The known-deviations baseline end to end: the real CLI in a child process against a standalone
 * emulator (a configured tenant), with and without the deviation the baseline lists.
 */
const FAULT = 'mfa-enabled-not-persisted';
const REASON = 'tenant applies mfaEnabled asynchronously (ticket QA-42)';

/** What the fault does to the flow: both reads after the PUT still show mfaEnabled false. */
const MFA_DEVIATIONS: KnownDeviation[] = [
  {
    check: '07b-read-user-mfa-enabled',
    outcome: { code: 'CHECK_FAILED', check: 'GET shows mfaEnabled true after the PUT', given: 'false' },
    reason: REASON,
    tenant: 'emulator',
  },
  {
    check: '07c-read-user-after-mfa',
    outcome: { code: 'CHECK_FAILED', check: 'user.mfaEnabled is true', given: 'false' },
    reason: REASON,
  },
];

const directory = mkdtempSync(join(tmpdir(), 'idflow-baseline-cli-'));

function baselineFile(name: string, content: unknown): string {
  const file = join(directory, name);
  writeFileSync(file, JSON.stringify(content, null, 2));
  return file;
}

const runs: SuiteRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

async function run(faults: string[], baseline?: string): Promise<SuiteRun> {
  const result = await runSuiteAgainst(
    {
      faults: faults.map(
        (name) =>
          getPingOneFault(name) ??
          (() => {
            throw new Error(`no fault named ${name}`);
          })(),
      ),
    },
    baseline === undefined ? [] : ['--baseline', baseline],
  );
  runs.push(result);
  return result;
}

describe.concurrent('idflow run --baseline against a configured tenant', { timeout: 150_000 }, () => {
  const accepted = baselineFile('accepted.json', { target: 'pingone', deviations: MFA_DEVIATIONS });

  test('the listed deviation happens: exit 0, the steps pass, annotated with the reason', async () => {
    const result = await run([FAULT], accepted);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(stepResult(result.tests, '07b-read-user-mfa-enabled')?.status).toBe('passed');
    expect(stepResult(result.tests, '07c-read-user-after-mfa')?.status).toBe('passed');
    expect(result.stdout + result.stderr).toContain(
      `known deviation: ${REASON} (CHECK_FAILED at "GET shows mfaEnabled true after the PUT", given ` +
        `false on emulator, accepted in ${accepted})`,
    );
    expect(result.tests.filter((each) => each.status === 'failed')).toEqual([]);
    // A green run still says, after the reporters, what it accepted.
    expect(result.stderr).toContain(
      'idflow: known deviations in this run (2):\n  07b-read-user-mfa-enabled: known deviation: ',
    );
    expect(result.stderr).toContain('  07c-read-user-after-mfa: known deviation: ');
  });

  test('the same fault without the baseline: exit 1, the step fails', async () => {
    const result = await run([FAULT]);
    expect(result.code, result.stderr).toBe(1);
    expect(stepResult(result.tests, '07b-read-user-mfa-enabled')?.status).toBe('failed');
    expect(result.stdout + result.stderr).not.toContain('known deviation');
  });

  test('the deviation disappeared: exit 1, "unexpected pass" asks to remove the entry', async () => {
    const result = await run([], accepted);
    expect(result.code, result.stderr).toBe(1);
    const failed = stepResult(result.tests, '07b-read-user-mfa-enabled');
    expect(failed?.status).toBe('failed');
    expect(failed?.failureMessages.join('\n')).toContain(
      `unexpected pass: 07b-read-user-mfa-enabled now behaves as documented`,
    );
    expect(failed?.failureMessages.join('\n')).toContain(`Remove 07b-read-user-mfa-enabled from ${accepted}`);
  });
});

describe.concurrent(
  'a baseline idflow cannot apply is a configuration error (exit 2)',
  { timeout: 60_000 },
  () => {
    test('a malformed entry: the message names the file and the entry', async () => {
      const file = baselineFile('malformed.json', {
        target: 'pingone',
        deviations: [{ check: '07b-read-user-mfa-enabled', outcome: { code: 'NOPE' }, reason: REASON }],
      });
      const result = await runCli(['run', '--target', 'pingone', '--baseline', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`The known-deviations baseline ${file} is malformed`);
      expect(result.stderr).toContain(
        'deviations[0] (07b-read-user-mfa-enabled): /deviations/0/outcome/code',
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    test('a stale entry names the id no step has', async () => {
      const file = baselineFile('stale.json', {
        target: 'pingone',
        deviations: [{ check: '07z-gone', outcome: { code: 'CHECK_FAILED' }, reason: REASON }],
      });
      const result = await runCli(['run', '--target', 'pingone', '--baseline', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${file} is stale: deviations[0] (07z-gone) names no check of pingone`);
    });

    test('--baseline with the embedded emulator is refused: the emulator accepts no deviation', async () => {
      const file = baselineFile('tenant.json', { target: 'pingone', deviations: MFA_DEVIATIONS });
      const result = await runCli(['run', '--target', 'pingone', '--baseline', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        'but this run uses the embedded emulator, which implements the docs and accepts no deviation',
      );
    });
  },
);
