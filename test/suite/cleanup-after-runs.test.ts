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
import { runSuiteAgainst, runTargetSuiteAgainst } from '../support/standalone-run.ts';
import { runEnvironments } from '../cleanup/support/plant.ts';
import { spawnCli, writeEnv } from '../cleanup/support/spawn-run.ts';
import { ledgerEntries } from '../cleanup/support/ledger-entries.ts';
import { holdFirst } from '../support/hold-fault.ts';

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

  test('a run stopped by --bail 1 at its first failure: no later check starts, its teardown still deletes', async () => {
    const run = await runSuiteAgainst({ faults: [fault('device-not-activated')] }, ['--bail', '1']);
    started.push(run.emulator);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.tests.filter((each) => each.status === 'failed')).toHaveLength(1);
    expect(run.stderr).toContain('not run: --bail 1 reached');
    expect(run.tests.find((each) => each.title.startsWith('99-teardown'))?.status).toBe('passed');
    expect(run.stderr).toContain('stopped early: --bail 1 reached');
    expect(runEnvironments(run.emulator.tenant)).toEqual([]);
  });

  test('a vitest run stopped by --bail 1 at its first failure: the CLI drains the ledger', async () => {
    const emulator = await startPingOneEmulator({ faults: [fault('device-not-activated')] });
    started.push(emulator);
    const run = await runTargetSuiteAgainst('pingone', emulator, ['--bail', '1'], undefined, 'vitest');
    expect(run.code, run.stdout + run.stderr).toBe(1);
    // 99-teardown never ran: the CLI deleted the environment from the run's ledger file.
    expect(run.tests.find((each) => each.title.startsWith('99-teardown'))?.status).not.toBe('passed');
    expect(run.stderr).toMatch(
      /cleanup after the run:\n\s+pingone: deleted the environment created in step 03/,
    );
    expect(runEnvironments(emulator.tenant)).toEqual([]);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)(
    'a run killed with %s midway: the CLI deletes what it created; sweep finds nothing left',
    async (signal) => {
      // The run is held at step 04 (its environment created and in the ledger) when the signal
      // lands: under any load, never before step 03 has recorded it nor after teardown.
      const hold = holdFirst('POST', /^\/v1\/environments\/[^/]+\/populations$/);
      const emulator = await emulatorWith({ faults: [hold.fault] });
      const directory = mkdtempSync(join(tmpdir(), 'idflow-signal-'));
      const envFile = writeEnv(directory, emulator.env());
      const run = spawnCli(['run', '--target', 'pingone', '--env', envFile, '--reporter', 'dot'], directory);
      await Promise.race([hold.reached, run.exited.then(({ output }) => Promise.reject(new Error(output)))]);
      expect(ledgerEntries(directory)).toBeGreaterThan(0);
      run.child.kill(signal);
      // The stopping run still waits for its request in flight: let the tenant answer it.
      hold.release();
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
