import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resultsFixture } from '../report/results-fixture.ts';
import { runCli } from '../support/run-cli.ts';

/** `idflow compare OLD NEW`: the real command, on results files written from the fixture. */
const directory = mkdtempSync(join(tmpdir(), 'idflow-compare-'));
function file(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}
const passing = file('passing.json', JSON.stringify(resultsFixture({ failing: false })));
const failing = file('failing.json', JSON.stringify(resultsFixture({ failing: true })));

describe.concurrent('idflow compare', () => {
  test('passing → failing: exit 1, names the newly failed check; --out writes the same Markdown', async () => {
    const out = join(directory, 'comparison.md');
    const result = await runCli(['compare', passing, failing, '--out', out]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^# idflow compare: 1 newly failed\n/);
    expect(result.stdout).toContain('## Newly failed (1)');
    expect(result.stdout).toContain(
      '| pingone | 05-create-user | passed | 05-create-user: status: expected 201',
    );
    expect(readFileSync(out, 'utf8')).toBe(result.stdout);
  });

  test('failing → passing: exit 0, names it fixed', async () => {
    const result = await runCli([
      'compare',
      failing,
      passing,
      '--threshold-pct',
      '10',
      '--threshold-ms',
      '5',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Nothing newly failed.');
    expect(result.stdout).toContain('## Fixed (1)');
    expect(result.stdout).toContain('| pingone | 05-create-user | failed |');
    expect(result.stdout).toContain('noise threshold (+10 % and +5 ms)');
  });

  const mistakes: Array<{ name: string; args: () => string[]; says: (args: string[]) => string }> = [
    {
      name: 'a missing file',
      args: () => ['compare', passing, join(directory, 'missing.json')],
      says: (args) => `The results file ${args[2]} does not exist.`,
    },
    {
      name: 'a file that is not JSON',
      args: () => ['compare', file('junit.xml', '<testsuites/>'), passing],
      says: (args) => `The results file ${args[1]} is not valid JSON (line 1, column 1).`,
    },
    {
      name: 'a results file of another version',
      args: () => ['compare', passing, file('v9.json', JSON.stringify({ ...resultsFixture(), version: 9 }))],
      says: (args) => `The results file ${args[2]} is a version 9 results file; this idflow reads version 1`,
    },
  ];
  for (const { name, args, says } of mistakes) {
    test(`${name}: exit 2, the file named, no stack trace`, async () => {
      const argv = args();
      const result = await runCli(argv, { timeoutMs: 30_000 });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(says(argv));
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stderr).not.toContain('internal error');
      expect(result.stdout).toBe('');
    });
  }
});
