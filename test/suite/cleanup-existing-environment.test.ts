import { afterEach, describe, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { runTargetSuiteAgainst } from '../support/standalone-run.ts';
import { plantEnvironment, runEnvironments } from '../cleanup/support/plant.ts';
import { stepResult } from '../support/json-report.ts';

const started: RunningPingOneEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

/** An emulator whose env() also names an existing environment in PINGONE_ENV_ID. */
async function emulatorNaming(pick: (emulator: RunningPingOneEmulator) => string) {
  const emulator = await startPingOneEmulator();
  started.push(emulator);
  const environmentId = pick(emulator);
  return {
    emulator,
    provider: { env: () => ({ ...emulator.env(), PINGONE_ENV_ID: environmentId }) },
    environmentId,
  };
}

describe('PINGONE_ENV_ID: the run works in an existing environment and never deletes it', () => {
  test('a SANDBOX one: step 03 is skipped with the reason, the flow passes in it, and only what the run made inside is removed', async () => {
    const { emulator, provider, environmentId } = await emulatorNaming(
      (each) => plantEnvironment(each.tenant, { name: 'team-sandbox' }).id,
    );
    const environment = emulator.tenant.environmentsById.get(environmentId);
    const populationsBefore = environment?.populations.size;
    const policiesBefore = [...(environment?.devicePolicies.values() ?? [])].map((policy) => ({ ...policy }));
    const run = await runTargetSuiteAgainst('pingone', provider);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const step03 = stepResult(run.tests, '03-create-environment');
    expect(step03?.status).toBe('skipped');
    expect(run.stdout + run.stderr).toContain(
      `PINGONE_ENV_ID names an existing environment (${environmentId})`,
    );
    expect(stepResult(run.tests, '05-create-user')?.status).toBe('passed');
    expect(stepResult(run.tests, '11-activate-totp-device')?.status).toBe('passed');
    expect(emulator.tenant.environmentsById.has(environmentId)).toBe(true);
    expect(runEnvironments(emulator.tenant)).toEqual([]);
    expect(environment?.users.size).toBe(0);
    expect(environment?.populations.size).toBe(populationsBefore);
    // The run paired TOTP under a policy of its own, deleted it, and left the default policy as it was.
    expect(stepResult(run.tests, '04d-create-totp-policy')?.status).toBe('passed');
    expect([...(environment?.devicePolicies.values() ?? [])]).toEqual(policiesBefore);
  });

  test('a PRODUCTION one: exit 2 naming it, nothing written in it, nothing deleted', async () => {
    const { emulator, provider, environmentId } = await emulatorNaming(
      (each) => each.tenant.adminEnvironmentId,
    );
    const admin = emulator.tenant.environmentsById.get(environmentId);
    const users = admin?.users.size;
    const populations = admin?.populations.size;
    const run = await runTargetSuiteAgainst('pingone', provider);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout + run.stderr).toContain('of type PRODUCTION');
    expect(run.stdout + run.stderr).toContain('Name a SANDBOX environment in PINGONE_ENV_ID');
    expect(stepResult(run.tests, '03-create-environment')?.status).toBe('failed');
    expect(stepResult(run.tests, '04-create-population')?.status).toBe('skipped');
    expect(stepResult(run.tests, '05-create-user')?.status).toBe('skipped');
    expect(emulator.tenant.environmentsById.has(environmentId)).toBe(true);
    expect(admin?.users.size).toBe(users);
    expect(admin?.populations.size).toBe(populations);
  });
});
