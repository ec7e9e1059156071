import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPingOneEmulator, type PingOneEmulatorOptions, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { readJsonReport, type ReportedTest } from './json-report.ts';
import { runCli, type CliResult } from './run-cli.ts';

export interface SuiteRun extends CliResult {
  readonly tests: ReportedTest[];
  readonly directory: string;
  readonly emulator: RunningPingOneEmulator;
}

/**
 * Runs `idflow run --env FILE` (a child process, as a user would) against an in-process
 * emulator started with the given options, and returns the exit code, output and JSON report.
 * The emulator is left running for the caller to inspect, then close.
 */
export async function runSuiteAgainst(options: PingOneEmulatorOptions, extraArgs: readonly string[] = []): Promise<SuiteRun> {
  const emulator = await startPingOneEmulator(options);
  const directory = mkdtempSync(join(tmpdir(), 'idflow-run-'));
  const envFile = join(directory, 'emulator.env');
  writeFileSync(envFile, Object.entries(emulator.env()).map(([name, value]) => `${name}=${value}`).join('\n'));
  const report = join(directory, 'report.json');
  const args = ['run', '--target', 'pingone', '--env', envFile, '--reporter', 'verbose', '--reporter', 'json', '--output-file', `json=${report}`];
  const result = await runCli([...args, ...extraArgs], { cwd: directory });
  let tests: ReportedTest[] = [];
  try {
    tests = readJsonReport(report);
  } catch {
    // No report: the run failed before vitest wrote one; the caller sees it in stdout/stderr.
  }
  return { ...result, tests, directory, emulator };
}
