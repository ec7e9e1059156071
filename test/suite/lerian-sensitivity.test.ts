import { afterAll, describe, expect, test } from 'vitest';
import {
  getLerianIdentityFault,
  startLerianIdentityEmulator,
} from '../../src/emulator/lerian-identity/index.ts';
import type { RunningLerianIdentityEmulator } from '../../src/emulator/lerian-identity/index.ts';
import { runTargetSuiteAgainst, type TargetSuiteRun } from '../support/standalone-run.ts';

/**
 * The Lerian suite must pass against a correct emulator, run as a user runs it: the real CLI in a
 * child process.
 */
type LerianRun = TargetSuiteRun<RunningLerianIdentityEmulator>;
const runs: LerianRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

async function run(faults: string[], args: readonly string[] = []): Promise<LerianRun> {
  const emulator = await startLerianIdentityEmulator({
    faults: faults.map((name) => {
      const fault = getLerianIdentityFault(name);
      if (!fault) throw new Error(`no fault named ${name}`);
      return fault;
    }),
  });
  const result = await runTargetSuiteAgainst('lerian-identity', emulator, args);
  runs.push(result);
  return result;
}

describe('the Lerian Identity suite against the emulator', { timeout: 120_000 }, () => {
  test('a correct emulator: every step passes, exit code 0, the test user is deleted', async () => {
    const result = await run([]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect([...new Set(result.tests.map((each) => each.status))]).toEqual(['passed']);
    // Every answer of our clean emulator is declared by our schemas: no drift.
    expect(result.stderr).not.toContain('idflow: drift:');
    expect(result.tests.length).toBeGreaterThanOrEqual(39);
    const left = [...result.emulator.directory.users.values()].filter((user) =>
      user.username.startsWith('idflow-'),
    );
    expect(left).toEqual([]);
  });

  // Where each harmful fault is caught (step and check) is declared in
  // src/targets/lerian-identity/fault-catches.ts and proven by the self-test
  // (test/suite/selftest.test.ts), which runs every fault of the catalogue once.
});
