import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import { createPingOneSession } from '../../src/targets/pingone/session.ts';
import {
  createPopulation,
  createUser,
  enableUserMfa,
  getAccessToken,
  updateMfaSettings,
} from '../../src/targets/pingone/steps/index.ts';
import { SMOKE_VARIABLE, WRITE_POPULATION_VARIABLE } from '../../src/process/run-variables.ts';
import { startOutageForwarder } from '../support/outage-forwarder.ts';
import { stepResult } from '../support/json-report.ts';
import { runTargetSuiteAgainst } from '../support/standalone-run.ts';

const started: RunningPingOneEmulator[] = [];
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
  await Promise.all(started.map((emulator) => emulator.close()));
});
afterEach(() => {
  delete process.env[SMOKE_VARIABLE];
});

/** A canary user in `environmentId`, made the way an admin would: through the emulator's API. */
async function plantCanary(emulator: RunningPingOneEmulator, environmentId: string): Promise<string> {
  const env = emulator.env();
  const basic = Buffer.from(`${env.PINGONE_CLIENT_ID}:${env.PINGONE_CLIENT_SECRET}`).toString('base64');
  const token = (await (
    await fetch(`${env.PINGONE_AUTH_URL}/${env.PINGONE_ADMIN_ENV_ID}/as/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    })
  ).json()) as { access_token: string };
  const auth = { authorization: `Bearer ${token.access_token}` };
  const api = `${env.PINGONE_API_URL}/environments/${environmentId}`;
  const populations = (await (await fetch(`${api}/populations`, { headers: auth })).json()) as {
    _embedded: { populations: Array<{ id: string }> };
  };
  const user = (await (
    await fetch(`${api}/users`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'canary',
        email: 'canary@example.com',
        population: { id: populations._embedded.populations[0]?.id },
      }),
    })
  ).json()) as { id: string };
  return user.id;
}

/** `idflow run --smoke` with PINGONE_ENV_ID: the post-deploy check of a live environment only reads. */
describe('the read-only smoke of an existing environment', () => {
  test(
    'in a PRODUCTION environment: every check passes, and nothing but GETs and the token request is sent',
    { timeout: 120_000 },
    async () => {
      const emulator = await startPingOneEmulator();
      started.push(emulator);
      const production = emulator.tenant.adminEnvironmentId;
      expect(emulator.tenant.environmentsById.get(production)?.type).toBe('PRODUCTION');
      const canary = await plantCanary(emulator, production);
      const environment = emulator.tenant.environmentsById.get(production);
      const before = { users: environment?.users.size, populations: environment?.populations.size };
      const forwarder = await startOutageForwarder(emulator.url, () => false);
      closers.push(() => forwarder.close());
      const provider = {
        env: () => ({
          ...Object.fromEntries(
            Object.entries(emulator.env()).map(([name, value]) => [
              name,
              value.replace(emulator.url, forwarder.url),
            ]),
          ),
          PINGONE_ENV_ID: production,
          PINGONE_SMOKE_USER_ID: canary,
        }),
      };
      const run = await runTargetSuiteAgainst('pingone', provider, ['--smoke'], 110_000);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      for (const id of [
        '01-get-access-token',
        '03c-default-population',
        '04c-read-device-policies',
        '07l-read-canary-mfa-enabled',
        '08l-read-live-mfa-settings',
        '11l-read-canary-devices',
      ])
        expect(stepResult(run.tests, id)?.status, id).toBe('passed');
      expect(run.tests.some((each) => each.status === 'failed')).toBe(false);
      expect(run.tests.map((each) => each.title.split(':')[0])).not.toContain('04-create-population');
      const writes = forwarder.seen.filter(
        (line) => !line.startsWith('GET ') && !/^POST \S+\/as\/token /.test(line),
      );
      expect(writes).toEqual([]);
      expect(forwarder.seen).toContainEqual(
        expect.stringMatching(new RegExp(`^GET /v1/environments/${production}/users/${canary}/devices `)),
      );
      expect({ users: environment?.users.size, populations: environment?.populations.size }).toEqual(before);
      expect(run.stderr).toMatch(
        /pingone: --smoke in an existing environment: 01-get-access-token, .*every write but the token request/,
      );
    },
  );

  test('a write in a read-only smoke session is refused before it is sent, whatever step asks', async () => {
    const emulator = await startPingOneEmulator();
    started.push(emulator);
    const production = emulator.tenant.adminEnvironmentId;
    const config = resolvePingOneConfig({ ...emulator.env(), PINGONE_ENV_ID: production }, 'test');
    if (config === undefined) throw new Error('the emulator configures PingOne');
    process.env[SMOKE_VARIABLE] = '1';
    const session = createPingOneSession(config);
    await session.run(getAccessToken);
    session.vars.set('envID', production, { from: 'test' });
    session.vars.set(
      'sharedPopID',
      [...(emulator.tenant.environmentsById.get(production)?.populations.keys() ?? [])][0],
      { from: 'test' },
    );
    const users = emulator.tenant.environmentsById.get(production)?.users.size;
    await expect(session.run(createUser)).rejects.toMatchObject({ code: 'READ_ONLY_REFUSED' });
    await expect(session.run(createUser)).rejects.toThrow(
      /POST .*\/users was not sent: `idflow run --smoke` with PINGONE_ENV_ID/,
    );
    expect(emulator.tenant.environmentsById.get(production)?.users.size).toBe(users);
  });

  test('--step cannot narrow the read-only smoke (exit 2)', async () => {
    const emulator = await startPingOneEmulator();
    started.push(emulator);
    const provider = {
      env: () => ({ ...emulator.env(), PINGONE_ENV_ID: emulator.tenant.adminEnvironmentId }),
    };
    const run = await runTargetSuiteAgainst(
      'pingone',
      provider,
      ['--smoke', '--step', '05-create-user'],
      60_000,
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/--step and --grep cannot narrow it/);
  });
});

/** `--smoke --write-population ID`: one user's lifecycle, and no write outside it. */
describe('the read-only smoke with --write-population', () => {
  test(
    'a user is created in that population, taken through MFA and TOTP, and deleted; nothing else is written',
    { timeout: 120_000 },
    async () => {
      const emulator = await startPingOneEmulator();
      started.push(emulator);
      const production = emulator.tenant.adminEnvironmentId;
      const environment = emulator.tenant.environmentsById.get(production);
      const [population] = [...(environment?.populations.keys() ?? [])];
      const [policy] = [...(environment?.devicePolicies.values() ?? [])];
      if (population === undefined || policy === undefined)
        throw new Error('the admin environment has a population and a policy');
      // The admin's part: a device policy with TOTP on (PingOne's default has it off).
      policy.methods = { ...policy.methods, totp: { ...(policy.methods.totp as object), enabled: true } };
      const before = { users: environment?.users.size, populations: environment?.populations.size };
      const forwarder = await startOutageForwarder(emulator.url, () => false);
      closers.push(() => forwarder.close());
      const provider = {
        env: () => ({
          ...Object.fromEntries(
            Object.entries(emulator.env()).map(([name, value]) => [
              name,
              value.replace(emulator.url, forwarder.url),
            ]),
          ),
          PINGONE_ENV_ID: production,
          PINGONE_SMOKE_DEVICE_POLICY_ID: policy.id,
        }),
      };
      const run = await runTargetSuiteAgainst(
        'pingone',
        provider,
        ['--smoke', '--write-population', population],
        110_000,
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
      for (const id of [
        '05-create-user',
        '06-set-user-password',
        '07-enable-user-mfa',
        '10-create-totp-device',
        '11-activate-totp-device',
        '99-teardown',
      ])
        expect(stepResult(run.tests, id)?.status, id).toBe('passed');
      expect(run.tests.map((each) => each.title.split(':')[0])).not.toContain('08-update-mfa-settings');
      const users = `/v1/environments/${production}/users`;
      const writes = forwarder.seen.filter(
        (line) => !line.startsWith('GET ') && !/^POST \S+\/as\/token /.test(line),
      );
      expect(writes.length).toBeGreaterThan(5);
      for (const line of writes)
        expect(line).toMatch(
          new RegExp(`^(POST ${users}|(PUT|POST|DELETE) ${users}/[0-9a-f-]{36}(/\\S*)?) HTTP`),
        );
      expect(writes).toContainEqual(expect.stringMatching(new RegExp(`^DELETE ${users}/`)));
      expect({ users: environment?.users.size, populations: environment?.populations.size }).toEqual(before);
    },
  );

  test('any other write is refused before it is sent: another population, another user, settings, populations', async () => {
    const emulator = await startPingOneEmulator();
    started.push(emulator);
    const production = emulator.tenant.adminEnvironmentId;
    const environment = emulator.tenant.environmentsById.get(production);
    const [population] = [...(environment?.populations.keys() ?? [])];
    const config = resolvePingOneConfig({ ...emulator.env(), PINGONE_ENV_ID: production }, 'test');
    if (config === undefined || population === undefined) throw new Error('the emulator configures PingOne');
    process.env[SMOKE_VARIABLE] = '1';
    process.env[WRITE_POPULATION_VARIABLE] = population;
    try {
      const session = createPingOneSession(config);
      await session.run(getAccessToken);
      session.vars.set('envID', production, { from: 'test' });
      const users = environment?.users.size;
      // A population of its own, the environment's MFA settings: not the user's lifecycle.
      await expect(session.run(createPopulation)).rejects.toMatchObject({ code: 'READ_ONLY_REFUSED' });
      await expect(session.run(updateMfaSettings)).rejects.toMatchObject({ code: 'READ_ONLY_REFUSED' });
      // A user in another population.
      session.vars.set('sharedPopID', '00000000-0000-4000-8000-000000000000', { from: 'test' });
      await expect(session.run(createUser)).rejects.toThrow(/would not be created in that population/);
      expect(environment?.users.size).toBe(users);
      // A user the run did not create: its MFA flag is not the run's to change.
      session.vars.set('sharedPopID', population, { from: 'test' });
      await session.run(createUser);
      const [someoneElse] = [...(environment?.users.keys() ?? [])].filter(
        (id) => id !== session.vars.get('sharedUserID'),
      );
      session.vars.set('sharedUserID', someoneElse ?? 'none', { from: 'test' });
      await expect(session.run(enableUserMfa)).rejects.toThrow(/was not created by this run/);
      await session.teardown();
    } finally {
      delete process.env[WRITE_POPULATION_VARIABLE];
    }
  });

  test('--write-population without an existing environment to smoke is exit 2', async () => {
    const emulator = await startPingOneEmulator();
    started.push(emulator);
    const run = await runTargetSuiteAgainst(
      'pingone',
      emulator,
      ['--smoke', '--write-population', '00000000-0000-4000-8000-000000000000'],
      60_000,
    );
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/--write-population works with --smoke in an existing environment/);
    expect(run.tests).toEqual([]);
  });
});
