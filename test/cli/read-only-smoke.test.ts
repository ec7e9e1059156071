import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import { createPingOneSession } from '../../src/targets/pingone/session.ts';
import { createUser, getAccessToken } from '../../src/targets/pingone/steps/index.ts';
import { SMOKE_VARIABLE } from '../../src/process/run-variables.ts';
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
      expect(run.stderr).toMatch(/pingone: --smoke in an existing environment: read-only/);
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
