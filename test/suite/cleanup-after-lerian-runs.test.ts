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
import { spawnCli, untilOutput, writeEnv } from '../cleanup/support/spawn-run.ts';
import { ledgeredValues } from '../cleanup/support/ledger-entries.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';
import { holdFirst, reachedWithin, type Hold } from '../support/hold-fault.ts';

/**
 * The Lerian twin of cleanup-after-runs: whatever ends a run against a configured deployment
 * (here a standalone emulator reached through an env file), the test user it created is gone.
 */
const started: RunningLerianIdentityEmulator[] = [];
const holds: Hold[] = [];
afterEach(async () => {
  // Released first: a test that fails while its run is held does not leave the run waiting.
  for (const hold of holds.splice(0)) hold.release();
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

/** How long a run may take to read back its user before the test fails instead of waiting on. */
const REACH_MS = 60_000;

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

    test('a run stopped by --bail 1 at its first failure: its teardown still deletes the user', async () => {
      const result = await run({ faults: [fault('accepts-wrong-passcode')] }, ['--bail', '1']);
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.tests.filter((each) => each.status === 'failed')).toHaveLength(1);
      expect(result.tests.find((each) => each.title.startsWith('99-teardown'))?.status).toBe('passed');
      expect(result.stderr).toContain('stopped early: --bail 1 reached');
      expect(runUsers(result.emulator)).toEqual([]);
    });

    test('a run killed with SIGINT midway: the CLI deletes the user it created', async () => {
      // The run is held at step 02b (its read of the user step 02 created, which only exists once
      // the user is in the tenant and the run's ledger) when the signal lands: under any load,
      // never before step 02 recorded the user nor after the run's own teardown.
      const hold = holdFirst('GET', /^\/v1\/users\/[^/]+$/);
      holds.push(hold);
      const emulator = await emulatorWith({ faults: [hold.fault] });
      const directory = mkdtempSync(join(tmpdir(), 'idflow-lerian-signal-'));
      const envFile = writeEnv(directory, emulator.env());
      const child = spawnCli(
        ['run', '--target', 'lerian-identity', '--env', envFile, '--reporter', 'dot'],
        directory,
      );
      const held = await reachedWithin(hold, child, 'GET of a user (step 02b)', REACH_MS);
      const created = [...emulator.directory.users.values()].filter((user) =>
        user.username.startsWith('idflow-'),
      );
      expect(created, child.output()).toHaveLength(1);
      const userId = created[0]?.id ?? '';
      // The held request reads the run's own user, which the tenant holds and the ledger names.
      expect(held).toBe(`/v1/users/${userId}`);
      expect(ledgeredValues(directory, 'userID')).toEqual([userId]);
      child.child.kill('SIGINT');
      await untilOutput(child, 'SIGINT: stopping the run');
      // The stopping run still waits for its request in flight: let the tenant answer it.
      hold.release();
      const { code, output } = await child.exited;
      expect(code, output).toBe(1);
      expect(output).toContain('SIGINT: stopping the run');
      expect(output).toMatch(DRAINED);
      expect(output).toContain(`interrupted run: cleanup after the run:`);
      expect(output).toContain(`(userID=${userId})`);
      expect(emulator.directory.users.has(userId), output).toBe(false);
      expect(runUsers(emulator)).toEqual([]);
      expect(ledgeredValues(directory, 'userID')).toEqual([]);
    });
  },
);
