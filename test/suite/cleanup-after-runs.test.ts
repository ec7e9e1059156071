import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  pingOneFaults,
  startPingOneEmulator,
  type RunningPingOneEmulator,
} from '../../src/emulator/pingone/index.ts';
import { runCli } from '../support/run-cli.ts';
import { runSuiteAgainst } from '../support/standalone-run.ts';
import { runEnvironments } from '../cleanup/support/plant.ts';
import { spawnCli, writeEnv } from '../cleanup/support/spawn-run.ts';
import { ledgerEntries } from '../cleanup/support/ledger-entries.ts';

const started: RunningPingOneEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

async function emulatorWith(
  options: Parameters<typeof startPingOneEmulator>[0] = {},
): Promise<RunningPingOneEmulator> {
  const emulator = await startPingOneEmulator(options);
  started.push(emulator);
  return emulator;
}

function fault(name: string) {
  const found = pingOneFaults.find((each) => each.name === name);
  if (!found) throw new Error(`no fault ${name}`);
  return found;
}

/**
 * Resolves once the tenant holds an environment of a run and the run has recorded it in its
 * ledger (step 03 passed). Waiting for the environment alone races the signal against the ledger
 * write: a run stopped while its create is in flight cannot know what it created (seen once in CI).
 */
async function untilRunEnvironment(
  emulator: RunningPingOneEmulator,
  directory: string,
  deadlineMs = 60_000,
): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (runEnvironments(emulator.tenant).length === 0 || ledgerEntries(directory) === 0) {
    if (Date.now() > until) throw new Error('the run never created and recorded its environment');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('after any kind of run, the tenant holds nothing the run created', () => {
  test('a passing run', async () => {
    const run = await runSuiteAgainst({});
    started.push(run.emulator);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(runEnvironments(run.emulator.tenant)).toEqual([]);
  });

  test('a failing run (a harmful fault: device-not-activated)', async () => {
    const run = await runSuiteAgainst({ faults: [fault('device-not-activated')] });
    started.push(run.emulator);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(runEnvironments(run.emulator.tenant)).toEqual([]);
  });

  test('a run stopped by --bail 1 at its first failure', async () => {
    const run = await runSuiteAgainst({ faults: [fault('device-not-activated')] }, ['--bail', '1']);
    started.push(run.emulator);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    // 99-teardown never ran: the CLI deleted the environment from the run's ledger file.
    expect(run.tests.find((each) => each.title.startsWith('99-teardown'))?.status).not.toBe('passed');
    expect(run.stderr).toMatch(
      /cleanup after the run:\n\s+pingone: deleted the environment created in step 03/,
    );
    expect(runEnvironments(run.emulator.tenant)).toEqual([]);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)(
    'a run killed with %s midway: the CLI deletes what it created; sweep finds nothing left',
    async (signal) => {
      // Latency stretches the run so the signal lands between step 03 and teardown.
      const emulator = await emulatorWith({ latencyMs: 40 });
      const directory = mkdtempSync(join(tmpdir(), 'idflow-signal-'));
      const envFile = writeEnv(directory, emulator.env());
      const run = spawnCli(['run', '--target', 'pingone', '--env', envFile, '--reporter', 'dot'], directory);
      await untilRunEnvironment(emulator, directory);
      run.child.kill(signal);
      const { code, output } = await run.exited;
      expect(code, output).toBe(1);
      expect(output).toContain(`${signal}: stopping the run`);
      expect(output).toMatch(/pingone: deleted the environment created in step 03 .*envID=/);
      expect(runEnvironments(emulator.tenant)).toEqual([]);

      const sweep = await runCli(['sweep', '--env', envFile, '--older-than', '0s'], { cwd: directory });
      expect(sweep.code, sweep.stdout + sweep.stderr).toBe(0);
      expect(sweep.stdout).toContain('nothing to sweep');
    },
  );
});
