import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  getLerianIdentityFault,
  startLerianIdentityEmulator,
  type LerianIdentityEmulatorOptions,
  type RunningLerianIdentityEmulator,
} from '../../src/emulator/lerian-identity/index.ts';
import { runTargetSuiteAgainst, type TargetSuiteRun } from '../support/standalone-run.ts';
import { spawnCli, writeEnv } from '../cleanup/support/spawn-run.ts';
import { ledgerEntries } from '../cleanup/support/ledger-entries.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

/**
 * The Lerian twin of cleanup-after-runs: whatever ends a run against a configured deployment
 * (here a standalone emulator reached through an env file), the test user it created is gone.
 */
const started: RunningLerianIdentityEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

async function emulatorWith(
  options: LerianIdentityEmulatorOptions = {},
): Promise<RunningLerianIdentityEmulator> {
  const emulator = await startLerianIdentityEmulator(options);
  started.push(emulator);
  return emulator;
}

function fault(name: string): EmulatorFault {
  const found = getLerianIdentityFault(name);
  if (!found) throw new Error(`no fault ${name}`);
  return found;
}

/** Usernames of the users runs created (`idflow-…`) still in the emulator. */
function runUsers(emulator: RunningLerianIdentityEmulator): string[] {
  return [...emulator.directory.users.values()]
    .map((user) => user.username)
    .filter((name) => name.startsWith('idflow-'));
}

/** Entries the run's ledger files under `<directory>/.idflow/runs/` still owe. */
/**
 * Resolves once the emulator holds a user of a run and the run has recorded it in its ledger
 * (step 02 passed). Waiting for the user alone races the signal against the ledger write.
 */
async function untilRunUser(
  emulator: RunningLerianIdentityEmulator,
  directory: string,
  deadlineMs = 60_000,
): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (runUsers(emulator).length === 0 || ledgerEntries(directory) === 0) {
    if (Date.now() > until) throw new Error('the run never created and recorded its user');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function run(
  options: LerianIdentityEmulatorOptions,
  extraArgs: readonly string[] = [],
): Promise<TargetSuiteRun<RunningLerianIdentityEmulator>> {
  return runTargetSuiteAgainst('lerian-identity', await emulatorWith(options), extraArgs);
}

const DRAINED =
  /cleanup after the run:\n\s+lerian-identity: deleted the test user created in step 02 \(userID=[\w-]+\)/;

describe(
  'after any kind of Lerian run, the deployment holds no user the run created',
  { timeout: 120_000 },
  () => {
    test('a passing run', async () => {
      const result = await run({});
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(runUsers(result.emulator)).toEqual([]);
    });

    test('a failing run (a harmful fault: accepts-wrong-passcode)', async () => {
      const result = await run({ faults: [fault('accepts-wrong-passcode')] });
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(runUsers(result.emulator)).toEqual([]);
    });

    test('a run stopped by --bail 1 at its first failure: the CLI drains the ledger', async () => {
      const result = await run({ faults: [fault('accepts-wrong-passcode')] }, ['--bail', '1']);
      expect(result.code, result.stdout + result.stderr).toBe(1);
      // 99-teardown never ran: the CLI deleted the user from the run's ledger file.
      expect(result.tests.find((each) => each.title.startsWith('99-teardown'))?.status).not.toBe('passed');
      expect(result.stderr).toMatch(DRAINED);
      expect(runUsers(result.emulator)).toEqual([]);
    });

    test('a run killed with SIGINT midway: the CLI deletes the user it created', async () => {
      // Latency stretches the run so the signal lands between step 02 and teardown.
      const emulator = await emulatorWith({ latencyMs: 40 });
      const directory = mkdtempSync(join(tmpdir(), 'idflow-lerian-signal-'));
      const envFile = writeEnv(directory, emulator.env());
      const child = spawnCli(
        ['run', '--target', 'lerian-identity', '--env', envFile, '--reporter', 'dot'],
        directory,
      );
      await untilRunUser(emulator, directory);
      child.child.kill('SIGINT');
      const { code, output } = await child.exited;
      expect(code, output).toBe(1);
      expect(output).toContain('SIGINT: stopping the run');
      expect(output).toMatch(DRAINED);
      expect(runUsers(emulator)).toEqual([]);
    });
  },
);
