import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readJsonReport } from '../support/json-report.ts';
import { runCli } from '../support/run-cli.ts';

/** `idflow run --step` / `--grep`: the chosen checks, what they depend on, then teardown. */
describe('idflow run --step and --grep', () => {
  test(
    '--step 07-enable-user-mfa runs its producers, 07 and teardown only, all passing',
    { timeout: 120_000 },
    async () => {
      const directory = mkdtempSync(join(tmpdir(), 'idflow-step-'));
      const report = join(directory, 'report.json');
      const run = await runCli(
        [
          'run',
          '--target',
          'pingone',
          '--step',
          '07-enable-user-mfa',
          '--reporter',
          'json',
          '--output-file',
          `json=${report}`,
        ],
        { cwd: directory, timeoutMs: 110_000 },
      );
      expect(run.code, run.stderr).toBe(0);
      const tests = readJsonReport(report);
      expect(tests.map((each) => each.title.split(':')[0])).toEqual([
        '01-get-access-token',
        '01b-discover-organization',
        '02-read-all-licenses',
        '03-create-environment',
        '04-create-population',
        '05-create-user',
        '07-enable-user-mfa',
        '99-teardown',
      ]);
      expect(tests.every((each) => each.status === 'passed')).toBe(true);
      // The closing summary always; no progress line without a terminal or --verbose.
      expect(run.stderr).toMatch(
        /^idflow: pingone run \S+ against its embedded emulator: 8 passed, 0 failed, 0 skipped/m,
      );
      expect(run.stderr).not.toMatch(/^ {2}✓ /m);
      expect(run.stderr).toMatch(
        /pingone: runs 07-enable-user-mfa, after the steps they depend on \(01-get-access-token/,
      );
    },
  );

  test.each([
    [['--step', 'nope'], /--step names no step or probe of this run: nope\b.*idflow list/],
    [['--step', '07-enable-user-mf'], /did you mean 07-enable-user-mfa,/],
    [['--grep', 'zzzz-no-such-thing'], /matches no step or probe .*would check nothing/],
    [['--grep', '(unclosed'], /--grep "\(unclosed" is not a regular expression/],
    [['--smoke', '--grep', 'expired-token'], /matches no step id, title or condition/],
  ])('%j is a usage error (exit 2) naming what exists, before anything runs', async (args, message) => {
    const run = await runCli(['run', '--target', 'pingone', ...args], { timeoutMs: 60_000 });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout + run.stderr).not.toMatch(/RUN\s+v\d/);
  });
});
