import { afterAll, describe, expect, test } from 'vitest';
import { getLerianIdentityFault, startLerianIdentityEmulator } from '../../src/emulator/lerian-identity/index.ts';
import type { RunningLerianIdentityEmulator } from '../../src/emulator/lerian-identity/index.ts';
import { stepResult } from '../support/json-report.ts';
import { runTargetSuiteAgainst, type TargetSuiteRun } from '../support/standalone-run.ts';

/**
 * The Lerian suite must pass against a correct emulator and fail against a broken one, naming the
 * step and the check that caught the defect. Each case runs the real CLI in a child process; the
 * cases run one after another so they do not starve the other suites' child processes of CPU.
 */
type LerianRun = TargetSuiteRun<RunningLerianIdentityEmulator>;
const runs: LerianRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

async function run(faults: string[], args: readonly string[] = []): Promise<LerianRun> {
  const emulator = await startLerianIdentityEmulator({
    faults: faults.map((name) => {
      const fault = getLerianIdentityFault(name);
      if (!fault) throw new Error(`no fault named ${name}`);
      return fault;
    }),
  });
  const result = await runTargetSuiteAgainst('lerian-identity', emulator, args);
  runs.push(result);
  return result;
}

describe('the Lerian Identity suite against the emulator', { timeout: 120_000 }, () => {
  test('a correct emulator: every step passes, exit code 0, the test user is deleted', async () => {
    const result = await run([]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect([...new Set(result.tests.map((each) => each.status))]).toEqual(['passed']);
    // Every answer of our clean emulator is declared by our schemas: no drift.
    expect(result.stderr).not.toContain('idflow: drift:');
    expect(result.tests.length).toBeGreaterThanOrEqual(39);
    const left = [...result.emulator.directory.users.values()].filter((user) => user.username.startsWith('idflow-'));
    expect(left).toEqual([]);
  });

  const cases: Array<{ fault: string; failures: Array<{ step: string; check: string }> }> = [
    { fault: 'enable-without-valid-recovery-code', failures: [{ step: '05-enable-wrong-recovery-code', check: 'status: expected 400, given 200' }] },
    {
      fault: 'accepts-wrong-passcode',
      failures: [
        { step: '04c-mfa-verify-wrong-passcode', check: 'a wrong passcode is not verified' },
        { step: '07b-wrong-login-passcode', check: 'status: expected 401, given 200' },
      ],
    },
    { fault: 'skips-login-challenge', failures: [{ step: '06-login-mfa-challenge', check: 'schema lerian-identity/mfa-challenge' }] },
    { fault: 'error-without-code', failures: [{ step: '03-enable-without-setup', check: 'schema lerian-identity/error-message' }] },
  ];

  for (const { fault, failures } of cases) {
    test(`fault ${fault}: exit 1, ${failures.map(({ step, check }) => `${step} fails at "${check}"`).join('; ')}`, async () => {
      // --strict, as the self-test runs harmful faults: the check that catches one may be inferred.
      const result = await run([fault], ['--strict']);
      expect(result.code, result.stderr).toBe(1);
      for (const { step, check } of failures) {
        const failed = stepResult(result.tests, step);
        expect(failed?.status, `${step} in ${result.stdout}`).toBe('failed');
        expect(failed?.failureMessages.join('\n')).toContain(check);
      }
    });
  }

  test('a benign fault (unknown extra fields) does not fail the suite', async () => {
    const result = await run(['extra-unknown-fields']);
    expect(result.code, result.stdout).toBe(0);
  });
});
