import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReportersMap } from 'vitest/reporters';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { VITEST_REPORTERS } from '../../src/cli/reporter-option.ts';
import { runCli } from '../support/run-cli.ts';

/** The command line behaves like the tools people know: help, version, --env-var, usage exits. */
const directory = mkdtempSync(join(tmpdir(), 'idflow-cli-'));

describe('help and version', () => {
  test.each([
    ['run', '--help'],
    ['doctor', '--help'],
    ['emulator', '-h'],
    ['selftest', '-h'],
    ['sweep', '--help'],
    ['compare', '--help'],
    ['export', '--help'],
  ])('idflow %s %s prints that command’s usage and the exit codes, exit 0', async (command, flag) => {
    const result = await runCli([command, flag], { cwd: directory });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage:\\n  idflow ${command} `));
    expect(result.stdout).toContain('3 the tenant could not be reached');
    // Only this command: no other command's synopsis.
    expect(result.stdout).not.toMatch(new RegExp(`\\n {2}idflow (?!${command} )\\w+ \\[`));
  });

  test('idflow --version prints the package version, exit 0', async () => {
    const { version } = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8'),
    ) as {
      version: string;
    };
    const result = await runCli(['--version'], { cwd: directory });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`idflow ${version}\n`);
  });
});

describe('reporters and report files: a mistake is a usage error (exit 2), before anything runs', () => {
  test('idflow knows exactly vitest’s built-in reporters', () => {
    expect([...VITEST_REPORTERS].sort()).toEqual(Object.keys(ReportersMap).sort());
  });

  test.each([
    [['--reporter', 'junitt'], /--reporter junitt is not a reporter\. Use one of: default, .*junit/],
    [['--reporter', 'html'], /needs the @vitest\/ui package/],
    [['--output-file', 'report.xml'], /none of the chosen reporters \(default\) writes a file/],
    [['--reporter', 'junit', '--output-file', 'json=r.json'], /the json reporter is not chosen/],
  ])('idflow run %j', async (args, message) => {
    const result = await runCli(['run', ...args], { cwd: directory });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('internal error');
  });
});

describe('--env-var KEY=VALUE', () => {
  let emulator: RunningPingOneEmulator;
  let envFile: string;
  beforeAll(async () => {
    emulator = await startPingOneEmulator();
    const wrong = { ...emulator.env(), PINGONE_CLIENT_SECRET: 'not-the-secret-of-this-tenant' };
    envFile = join(directory, 'wrong-secret.env');
    writeFileSync(
      envFile,
      Object.entries(wrong)
        .map(([name, value]) => `${name}=${value}\n`)
        .join(''),
      { mode: 0o600 },
    );
  });
  afterAll(() => emulator.close());

  test('beats the env file: the right secret given on the command line wins over the file’s wrong one', async () => {
    const secret = emulator.env().PINGONE_CLIENT_SECRET ?? '';
    const withFile = await runCli(['doctor', '--target', 'pingone', '--env', envFile], { cwd: directory });
    expect(withFile.code, 'the file alone holds a wrong secret').not.toBe(0);
    const overridden = await runCli(
      ['doctor', '--target', 'pingone', '--env', envFile, '--env-var', `PINGONE_CLIENT_SECRET=${secret}`],
      { cwd: directory },
    );
    expect(overridden.code, overridden.stderr + overridden.stdout).toBe(0);
    expect(overridden.stdout + overridden.stderr).not.toContain(secret);
  });

  test('a malformed assignment is a usage error that does not echo the value', async () => {
    const result = await runCli(['doctor', '--env-var', 'BAD KEY=a-value-to-keep-quiet'], { cwd: directory });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--env-var "BAD KEY" is not KEY=VALUE');
    expect(result.stderr).not.toContain('a-value-to-keep-quiet');
  });

  test('a variable only idflow run sets for its test process is refused (it would skip the supervisor)', async () => {
    const result = await runCli(['run', '--env-var', 'IDFLOW_RUN_CHILD=1'], { cwd: directory });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('idflow run sets IDFLOW_RUN_CHILD');
  });
});
