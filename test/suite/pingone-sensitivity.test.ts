import { afterAll, describe, expect, test } from 'vitest';
import { getPingOneFault } from '../../src/emulator/pingone/index.ts';
import { stepResult } from '../support/json-report.ts';
import { runSuiteAgainst, type SuiteRun } from '../support/standalone-run.ts';

/**
 * The suite must pass against a correct emulator, and what a fault changes besides the failure
 * (dependants skip with the reason, a different but valid default still passes). Each case runs
 * the real CLI in a child process.
 */
const runs: SuiteRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

async function run(faults: string[], args: readonly string[] = []): Promise<SuiteRun> {
  const result = await runSuiteAgainst(
    {
      faults: faults.map((name) => {
        const fault = getPingOneFault(name);
        if (!fault) throw new Error(`no fault named ${name}`);
        return fault;
      }),
    },
    args,
  );
  runs.push(result);
  return result;
}

describe.concurrent('the PingOne suite against the emulator', () => {
  test(
    'a correct emulator: every step passes, exit code 0, nothing left behind',
    { timeout: 120_000 },
    async () => {
      const result = await run([]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      // Every answer of our clean emulator is declared by our schemas: no drift.
      expect(result.stderr).not.toContain('idflow: drift:');
      // Steps all pass; a probe may be a named skip (an expired token with a one-hour TTL, for example).
      const notPassed = result.tests.filter(
        (each) =>
          each.status !== 'passed' && !(each.status === 'skipped' && each.title.split(':')[0]?.includes('/')),
      );
      expect(notPassed.map((each) => `${each.status} ${each.title}`)).toEqual([]);
      expect(result.tests.length).toBeGreaterThanOrEqual(25);
      const created = result.emulator.tenant
        .environments()
        .filter((environment) => environment.name.startsWith('idflow-'));
      expect(created).toEqual([]);
    },
  );

  // Where each harmful fault is caught (step and check) is declared in
  // src/targets/pingone/fault-catches.ts and proven by the self-test (test/suite/selftest.test.ts),
  // which runs every fault of the catalogue once.

  test(
    'a tenant whose new users default to mfaEnabled true: step 07 still passes, exit 0',
    { timeout: 120_000 },
    async () => {
      const result = await run(['new-users-mfa-enabled']);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      for (const step of [
        '07a-read-user-mfa-default',
        '07d-disable-user-mfa',
        '07e-read-user-mfa-disabled',
        '07-enable-user-mfa',
        '07b-read-user-mfa-enabled',
      ])
        expect(stepResult(result.tests, step)?.status, step).toBe('passed');
    },
  );

  test(
    'a failed producer makes its dependants skip with the reason, not fail',
    { timeout: 120_000 },
    async () => {
      const result = await run(['create-user-returns-200']);
      expect(stepResult(result.tests, '05b-read-user')?.status).toBe('skipped');
      expect(stepResult(result.tests, '07-enable-user-mfa')?.status).toBe('skipped');
      expect(result.stdout + result.stderr).toContain('needs sharedUserID from 05-create-user, which failed');
      // Teardown still runs and removes the environment the run did create.
      expect(stepResult(result.tests, '99-teardown')?.status).toBe('passed');
    },
  );
});
