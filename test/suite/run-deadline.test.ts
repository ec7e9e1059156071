import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { runEnvironments } from '../cleanup/support/plant.ts';
import { writeEnv } from '../cleanup/support/spawn-run.ts';
import { readJsonReport, stepResult } from '../support/json-report.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';
import { runCli } from '../support/run-cli.ts';

const started: RunningPingOneEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

async function emulatorWith(
  options: Parameters<typeof startPingOneEmulator>[0],
): Promise<RunningPingOneEmulator> {
  const emulator = await startPingOneEmulator(options);
  started.push(emulator);
  return emulator;
}

/** `idflow run --target pingone --env FILE ARGS` against `emulator`, with the JSON report. */
async function runAgainst(
  emulator: RunningPingOneEmulator,
  args: readonly string[],
  env: Record<string, string> = {},
) {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-deadline-'));
  const envFile = writeEnv(directory, emulator.env());
  const report = join(directory, 'report.json');
  const reporters = ['--reporter', 'verbose', '--reporter', 'json', '--output-file', `json=${report}`];
  const result = await runCli(['run', '--target', 'pingone', '--env', envFile, ...reporters, ...args], {
    cwd: directory,
    env,
  });
  return { ...result, report };
}

describe('idflow run --deadline', () => {
  test(
    'a step hung past the deadline is stopped in flight, the rest skip with the reason, teardown deletes ' +
      'the environment; exit 1',
    { timeout: 120_000, retry: 1 },
    async () => {
      // Creating the user never answers, so the run is held there, after its environment exists,
      // until the deadline. The deadline counts from launch, so a machine loaded enough to take
      // longer than 40 s to start (seen once in CI: step 01 was already too late) gets one more try.
      const hangOnCreateUser: EmulatorFault = {
        name: 'hang-on-create-user',
        description: 'never answers POST .../users',
        harmful: true,
        intercept: (request, next) =>
          request.method === 'POST' && request.path.endsWith('/users') ? new Promise(() => {}) : next(),
      };
      const emulator = await emulatorWith({ faults: [hangOnCreateUser] });
      // A request timeout beyond the deadline: the deadline, not the timeout, must stop the hung request,
      // however early the run reached it.
      const run = await runAgainst(emulator, ['--deadline', '40s', '--timeout-request', '90000']);
      const output = run.stdout + run.stderr;

      expect(run.code, output).toBe(1);
      expect(run.stderr).toContain('idflow: the run passed its deadline of 40s (--deadline)');
      const tests = readJsonReport(run.report);
      expect(stepResult(tests, '03-create-environment')?.status, output).toBe('passed');
      const hung = stepResult(tests, '05-create-user');
      expect(hung?.status, output).toBe('failed');
      expect(hung?.failureMessages.join('\n')).toMatch(
        /was stopped in flight after \d+ ms without a complete response: the whole-run deadline \(40s, --deadline\) passed/,
      );
      expect(stepResult(tests, '06-set-user-password')?.status).toBe('skipped');
      expect(output).toContain('[not run: the whole-run deadline of 40s passed (--deadline)]');
      // Teardown is exempt from the deadline: the environment step 03 created is gone.
      expect(stepResult(tests, '99-teardown')?.status, output).toBe('passed');
      expect(runEnvironments(emulator.tenant)).toEqual([]);
    },
  );

  test('a run still going at its deadline plus the teardown grace is stopped and drained; exit 1', async () => {
    // With 1 s and no grace, the backstop fires while the run is still starting, whatever the machine.
    const emulator = await emulatorWith({});
    const run = await runAgainst(emulator, ['--deadline', '1s'], { IDFLOW_TEARDOWN_GRACE: '0s' });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).toContain(
      'idflow: the run passed its deadline of 1s and teardown did not finish within 0s; stopping it',
    );
    expect(run.stderr).not.toContain('(--deadline): what it had not finished');
    expect(runEnvironments(emulator.tenant)).toEqual([]);
  }, 60_000);
});
