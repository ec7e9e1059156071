import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { startLerianIdentityEmulator } from '../../src/emulator/lerian-identity/index.ts';
import { runTargetSuiteAgainst } from '../support/standalone-run.ts';
import { runEnvironments } from '../cleanup/support/plant.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

/** How the tenant misbehaves at teardown. */
interface SlowTeardown {
  /** Every DELETE answers after this long. */
  readonly delayMs: number;
  /** The first DELETE of each path answers 500 (after the delay), deleting nothing. */
  readonly failFirst?: boolean;
  /** Reads of a deleted path answer after the delay too. */
  readonly slowReadBack?: boolean;
}

function slowTeardown(options: SlowTeardown): EmulatorFault {
  const deleted = new Set<string>();
  return {
    name: 'slow-teardown',
    description: `DELETEs answer after ${options.delayMs} ms`,
    harmful: false,
    intercept: async (req, next) => {
      const slowRead = req.method === 'GET' && options.slowReadBack === true && deleted.has(req.path);
      if (req.method !== 'DELETE' && !slowRead) return next();
      await sleep(options.delayMs);
      if (slowRead) return next();
      if (options.failFirst && !deleted.has(req.path)) {
        deleted.add(req.path);
        return {
          status: 500,
          headers: { 'content-type': 'application/json' },
          body: { code: 'UNEXPECTED_ERROR', message: 'try again' },
        };
      }
      deleted.add(req.path);
      return next();
    },
  };
}

/**
 * PingOne: the run's ledger holds the environment and the devices its probes made (5 entries);
 * each DELETE answered after 20 s is 100 s of teardown. Lerian: one user, whose DELETE fails
 * once with 500 and whose every answer (DELETE, DELETE again, read-back) takes 25 s: 75 s. Both
 * outlast the suites' 60 s test timeout, which once dropped what was left; every slow answer
 * stays under the client's 30 s request timeout.
 */
const RUN_TIMEOUT_MS = 400_000;

describe.concurrent(
  'a teardown longer than the 60 s test timeout still deletes everything',
  { timeout: RUN_TIMEOUT_MS + 20_000 },
  () => {
    test('PingOne: the environment is gone and the run passes', async ({ onTestFinished }) => {
      const emulator = await startPingOneEmulator({ faults: [slowTeardown({ delayMs: 20_000 })] });
      onTestFinished(() => emulator.close());
      const run = await runTargetSuiteAgainst('pingone', emulator, [], RUN_TIMEOUT_MS);
      expect(runEnvironments(emulator.tenant), run.stdout + run.stderr).toEqual([]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toContain('Test timed out');
    });

    test('Lerian: the test user is gone and the run passes', async ({ onTestFinished }) => {
      const emulator = await startLerianIdentityEmulator({
        faults: [slowTeardown({ delayMs: 25_000, failFirst: true, slowReadBack: true })],
      });
      onTestFinished(() => emulator.close());
      const run = await runTargetSuiteAgainst('lerian-identity', emulator, [], RUN_TIMEOUT_MS);
      const left = [...emulator.directory.users.values()].filter((user) =>
        user.username.startsWith('idflow-'),
      );
      expect(
        left.map((user) => user.username),
        run.stdout + run.stderr,
      ).toEqual([]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toContain('Test timed out');
    });
  },
);
