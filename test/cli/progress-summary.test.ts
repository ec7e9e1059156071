import { afterAll, describe, expect, test } from 'vitest';
import { getPingOneFault } from '../../src/emulator/pingone/index.ts';
import { runSuiteAgainst, type SuiteRun } from '../support/standalone-run.ts';

const runs: SuiteRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

/** What a run prints while it runs (--verbose) and when it ends (always), on stderr. */
describe('progress lines and the closing summary', () => {
  test(
    '--bail 1 --verbose: the failure that stopped the run is shown, and the run says it stopped early',
    { timeout: 120_000 },
    async () => {
      const fault = getPingOneFault('mfa-enabled-not-persisted');
      expect(fault).toBeDefined();
      const run = await runSuiteAgainst({ faults: fault ? [fault] : [] }, ['--bail', '1', '--verbose']);
      runs.push(run);
      expect(run.code, run.stderr).toBe(1);
      const host = new URL(run.emulator.url).host;
      // Progress: a line per finished step, with its HTTP status and time, before the summary.
      expect(run.stderr).toMatch(/^ {2}✓ 201 +\d+ ms {2}pingone 03-create-environment$/m);
      expect(run.stderr).toMatch(
        /^ {2}× 200 +\d+ ms {2}pingone 07b-read-user-mfa-enabled: 07b-read-user-mfa-enabled .*failed/m,
      );
      // The summary: run id, tenant host, counts, the failure with its first line, and the early stop.
      expect(run.stderr).toMatch(
        new RegExp(
          `^idflow: pingone run \\S+ against ${host}: \\d+ passed, 1 failed, \\d+ skipped, 0 unconfirmed$`,
          'm',
        ),
      );
      expect(run.stderr).toMatch(
        /^idflow: {3}failed 07b-read-user-mfa-enabled( \(Correlation-Id [^)]+\))?: .*mfaEnabled/m,
      );
      expect(run.stderr).toMatch(/^idflow: stopped early: --bail 1 reached/m);
      expect(run.stderr).toMatch(/^idflow: finished in \d+\.\d s$/m);
    },
  );
});
