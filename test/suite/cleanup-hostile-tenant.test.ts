import { afterEach, describe, expect, test } from 'vitest';
import {
  getPingOneFault,
  startPingOneEmulator,
  type RunningPingOneEmulator,
} from '../../src/emulator/pingone/index.ts';
import {
  getLerianIdentityFault,
  startLerianIdentityEmulator,
  type RunningLerianIdentityEmulator,
} from '../../src/emulator/lerian-identity/index.ts';
import { runTargetSuiteAgainst } from '../support/standalone-run.ts';
import { stepResult } from '../support/json-report.ts';
import { plantEnvironment, runEnvironments } from '../cleanup/support/plant.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

/**
 * A tenant that creates what the run asks for but answers it wrongly (a status, a Location), or
 * fails a DELETE once with 500: whatever the checks say, a real child `idflow run` leaves
 * nothing of itself behind, for both targets.
 */
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function named(find: (name: string) => EmulatorFault | undefined, name: string): EmulatorFault {
  const found = find(name);
  if (!found) throw new Error(`no fault ${name}`);
  return found;
}

async function pingOne(fault: string): Promise<RunningPingOneEmulator> {
  const emulator = await startPingOneEmulator({ faults: [named(getPingOneFault, fault)] });
  closers.push(() => emulator.close());
  return emulator;
}

async function lerian(fault: string): Promise<RunningLerianIdentityEmulator> {
  const emulator = await startLerianIdentityEmulator({ faults: [named(getLerianIdentityFault, fault)] });
  closers.push(() => emulator.close());
  return emulator;
}

function lerianRunUsers(emulator: RunningLerianIdentityEmulator): string[] {
  return [...emulator.directory.users.values()]
    .map((user) => user.username)
    .filter((name) => name.startsWith('idflow-'));
}

describe(
  'a tenant that creates but answers wrongly holds nothing of the run afterwards',
  { timeout: 180_000 },
  () => {
    test('PingOne: the environment is created but answered 200, not 201', async () => {
      const emulator = await pingOne('create-environment-returns-200');
      const run = await runTargetSuiteAgainst('pingone', emulator);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(stepResult(run.tests, '03-create-environment')?.failureMessages.join('')).toContain(
        'expected 201, given 200',
      );
      expect(runEnvironments(emulator.tenant)).toEqual([]);
    });

    test('PingOne with PINGONE_ENV_ID: the user is created with a wrong Location; user and population go', async () => {
      const emulator = await pingOne('create-user-wrong-location');
      const environment = plantEnvironment(emulator.tenant, { name: 'team-sandbox' });
      const populationsBefore = environment.populations.size;
      // --strict: that Location names the new user is inferred, so only a strict run fails on it.
      const run = await runTargetSuiteAgainst(
        'pingone',
        { env: () => ({ ...emulator.env(), PINGONE_ENV_ID: environment.id }) },
        ['--strict'],
      );
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(stepResult(run.tests, '05-create-user')?.failureMessages.join('')).toContain(
        'Location is the new resource',
      );
      expect(environment.users.size, run.stderr).toBe(0);
      expect(environment.populations.size).toBe(populationsBefore);
      expect(emulator.tenant.environmentsById.has(environment.id)).toBe(true);
    });

    test('Lerian: the user is created but answered 200, not 201', async () => {
      const emulator = await lerian('create-user-wrong-status');
      const run = await runTargetSuiteAgainst('lerian-identity', emulator);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(stepResult(run.tests, '02-create-user')?.failureMessages.join('')).toContain(
        'expected 201, given 200',
      );
      expect(lerianRunUsers(emulator)).toEqual([]);
    });
  },
);

describe(
  'a tenant that fails a DELETE once with 500 holds nothing of the run afterwards',
  { timeout: 180_000 },
  () => {
    test('PingOne: the environment DELETE is sent again and the run passes', async () => {
      const emulator = await pingOne('delete-fails-once');
      const run = await runTargetSuiteAgainst('pingone', emulator);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(runEnvironments(emulator.tenant)).toEqual([]);
    });

    test('Lerian: the user DELETE is sent again and the run passes', async () => {
      const emulator = await lerian('delete-fails-once');
      const run = await runTargetSuiteAgainst('lerian-identity', emulator);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(lerianRunUsers(emulator)).toEqual([]);
    });
  },
);
