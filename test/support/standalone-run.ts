import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startPingOneEmulator,
  type PingOneEmulatorOptions,
  type RunningPingOneEmulator,
} from '../../src/emulator/pingone/index.ts';
import { readJsonReport, readResultsReport, type ReportedTest } from './json-report.ts';
import { runCli, type CliResult } from './run-cli.ts';

/** What a standalone run needs of an emulator: the variables `idflow run --env` reads. */
export interface EnvProvider {
  env(): Record<string, string>;
}

/** A finished `idflow run` against an emulator of target `E`. */
export interface TargetSuiteRun<E extends EnvProvider> extends CliResult {
  readonly tests: ReportedTest[];
  readonly directory: string;
  readonly emulator: E;
}

export type SuiteRun = TargetSuiteRun<RunningPingOneEmulator>;

/**
 * Runs `idflow run --target TARGET --env FILE` (a child process, as a user would) against an
 * already started emulator, and returns the exit code, output and report (idflow's results file,
 * or with `engine` 'vitest' the suite files run by vitest and its JSON report). The emulator is
 * left running for the caller to inspect, then close.
 */
export async function runTargetSuiteAgainst<E extends EnvProvider>(
  target: string,
  emulator: E,
  extraArgs: readonly string[] = [],
  timeoutMs?: number,
  engine: 'idflow' | 'vitest' = 'idflow',
): Promise<TargetSuiteRun<E>> {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-run-'));
  const envFile = join(directory, 'emulator.env');
  writeFileSync(
    envFile,
    Object.entries(emulator.env())
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  );
  const report = join(directory, 'report.json');
  // idflow's own scheduler writes its results file; vitest (asked for by its reporters) its JSON report.
  const reportArgs =
    engine === 'vitest'
      ? ['--reporter', 'verbose', '--reporter', 'json', '--output-file', `json=${report}`]
      : ['--verbose', '--report', `json=${report}`];
  const args = ['run', '--target', target, '--env', envFile, ...reportArgs];
  const result = await runCli([...args, ...extraArgs], {
    cwd: directory,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  let tests: ReportedTest[] = [];
  try {
    tests = engine === 'vitest' ? readJsonReport(report) : readResultsReport(report);
  } catch {
    // No report: the run failed before vitest wrote one; the caller sees it in stdout/stderr.
  }
  return { ...result, tests, directory, emulator };
}

/** The PingOne suite against an in-process PingOne emulator started with `options`. */
export async function runSuiteAgainst(
  options: PingOneEmulatorOptions,
  extraArgs: readonly string[] = [],
): Promise<SuiteRun> {
  return runTargetSuiteAgainst('pingone', await startPingOneEmulator(options), extraArgs);
}
