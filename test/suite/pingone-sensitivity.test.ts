import { afterAll, describe, expect, test } from 'vitest';
import { getPingOneFault } from '../../src/emulator/pingone/index.ts';
import { stepResult } from '../support/json-report.ts';
import { runSuiteAgainst, type SuiteRun } from '../support/standalone-run.ts';

/**
 * The suite must pass against a correct emulator and fail against a broken one, naming the step
 * and the check that caught the defect. Each case runs the real CLI in a child process.
 */
const runs: SuiteRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

async function run(faults: string[], args: readonly string[] = []): Promise<SuiteRun> {
  const result = await runSuiteAgainst({
    faults: faults.map((name) => {
      const fault = getPingOneFault(name);
      if (!fault) throw new Error(`no fault named ${name}`);
      return fault;
    }),
  }, args);
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

  const cases: Array<{ fault: string; step: string; check: string }> = [
    { fault: 'device-missing-status', step: '09-create-email-device', check: 'schema pingone/device' },
    {
      fault: 'mfa-enabled-not-persisted',
      step: '07b-read-user-mfa-enabled',
      check: 'GET shows mfaEnabled true after the PUT',
    },
    // New users start true, so the docs' PUT of true proves nothing; the PUT of false before it does.
    {
      fault: 'mfa-enabled-ignored-default-true',
      step: '07e-read-user-mfa-disabled',
      check: 'GET shows mfaEnabled false after the PUT',
    },
    {
      fault: 'device-not-activated',
      step: '11b-read-all-devices',
      check: 'the TOTP device is listed ACTIVE',
    },
    { fault: 'create-user-returns-200', step: '05-create-user', check: 'status: expected 201, given 200' },
    {
      fault: 'mfa-settings-not-persisted',
      step: '08b-read-mfa-settings',
      check: '/pairing/maxAllowedDevices is 10',
    },
    {
      fault: 'device-policy-update-not-persisted',
      step: '04e-read-totp-policy',
      check: 'GET shows TOTP enabled after the create',
    },
  ];

  for (const { fault, step, check } of cases) {
    test(`fault ${fault}: exit 1, ${step} fails at "${check}"`, { timeout: 120_000 }, async () => {
      // --strict, as the self-test runs harmful faults: the check that catches one may be inferred.
      const result = await run([fault], ['--strict']);
      expect(result.code, result.stderr).toBe(1);
      const failed = stepResult(result.tests, step);
      expect(failed?.status, `${step} in ${result.stdout}`).toBe('failed');
      expect(failed?.failureMessages.join('\n')).toContain(check);
    });
  }

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
      expect(result.stdout).toContain('needs sharedUserID from 05-create-user, which failed');
      // Teardown still runs and removes the environment the run did create.
      expect(stepResult(result.tests, '99-teardown')?.status).toBe('passed');
    },
  );
});
