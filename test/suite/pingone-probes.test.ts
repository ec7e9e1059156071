import { afterAll, describe, expect, test } from 'vitest';
import { getPingOneFault } from '../../src/emulator/pingone/index.ts';
import { stepResult } from '../support/json-report.ts';
import { runSuiteAgainst, type SuiteRun } from '../support/standalone-run.ts';

/**
 * An emulator that ignores one documented condition must make the probe of that condition fail,
 * and only the run's probes: the flow's own steps still pass. Each case runs the real CLI.
 */
const runs: SuiteRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

async function runWith(faultName: string): Promise<SuiteRun> {
  const fault = getPingOneFault(faultName);
  if (!fault) throw new Error(`no fault named ${faultName}`);
  // --strict, as the self-test runs harmful faults: the expectation that catches one may be inferred.
  const result = await runSuiteAgainst({ faults: [fault] }, ['--strict']);
  runs.push(result);
  return result;
}

const cases: Array<{ fault: string; probe: string; given: string }> = [
  {
    fault: 'accepts-missing-bearer',
    probe: '07-enable-user-mfa/missing-bearer',
    given: 'status: expected 401, given 200',
  },
  {
    fault: 'accepts-unknown-user-id',
    probe: '07-enable-user-mfa/unknown-user',
    given: 'status: expected 404, given 200',
  },
  {
    fault: 'accepts-wrong-otp',
    probe: '11-activate-totp-device/wrong-otp',
    given: 'status: expected 400, given 200',
  },
  {
    fault: 'forbidden-instead-of-unauthorized',
    probe: '05-create-user/malformed-token',
    given: 'status: expected 401, given 403',
  },
  {
    fault: 'error-without-code',
    probe: '07-enable-user-mfa/mfa-enabled-not-boolean',
    given: '✗ code is INVALID_DATA: expected "INVALID_DATA", given missing',
  },
];

// One run at a time: each is a whole CLI run, and the machine running `npm test` runs others too.
describe('PingOne probes against an emulator that ignores a condition', () => {
  for (const { fault, probe, given } of cases) {
    test(`fault ${fault}: exit 1, ${probe} fails (${given})`, { timeout: 120_000 }, async () => {
      const result = await runWith(fault);
      expect(result.code, result.stdout + result.stderr).toBe(1);
      const failed = stepResult(result.tests, probe);
      expect(failed?.status, `${probe} in ${result.stdout}`).toBe('failed');
      const message = failed?.failureMessages.join('\n') ?? '';
      expect(message).toContain(given);
      // The probe's failure carries the same evidence as a step's: the request and a curl to replay it.
      expect(message).toContain('Evidence:');
      expect(message).toContain('reproduce: curl');
      // The flow itself is unaffected: the fault only shows where a probe looks.
      const flowFailures = result.tests.filter(
        (each) => each.status === 'failed' && !each.title.split(':')[0]?.includes('/'),
      );
      expect(flowFailures.map((each) => each.title)).toEqual([]);
    });
  }
});
