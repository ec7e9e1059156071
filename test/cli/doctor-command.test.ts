import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  ROLE_IDS,
  startPingOneEmulator,
  type PingOneEmulatorOptions,
  type RunningPingOneEmulator,
} from '../../src/emulator/pingone/index.ts';
import type { EmulatorFault, EmulatorResponse } from '../../src/emulator/http/index.ts';
import { startLerianIdentityEmulator } from '../../src/emulator/lerian-identity/index.ts';
import { runCli, type CliResult } from '../support/run-cli.ts';
import { writeEnv } from '../cleanup/support/spawn-run.ts';

/** Every request the emulator saw, as `METHOD path`: counted, never stubbed. */
function requestLog(): { fault: EmulatorFault; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    fault: {
      name: 'request-log',
      description: 'Records each request.',
      harmful: false,
      intercept: async (req, next) => {
        seen.push(`${req.method} ${req.path}`);
        return next();
      },
    },
  };
}

/** Requests that are neither a GET nor the token request: a read-only preflight sends none. */
function writes(seen: readonly string[]): string[] {
  return seen.filter((line) => !line.startsWith('GET ') && !/^POST \/[^/]+\/as\/token$/.test(line));
}

const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function pingOne(options: PingOneEmulatorOptions = {}, extraFaults: EmulatorFault[] = []) {
  const log = requestLog();
  const emulator = await startPingOneEmulator({ ...options, faults: [log.fault, ...extraFaults] });
  running.push(emulator);
  return { emulator, seen: log.seen };
}

function cli(
  command: 'doctor' | 'run',
  emulator: { env(): Record<string, string> },
  extra: Record<string, string> = {},
): Promise<CliResult> {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-doctor-'));
  const envFile = writeEnv(directory, emulator.env(), extra);
  const target = 'PINGONE_CLIENT_ID' in emulator.env() ? 'pingone' : 'lerian-identity';
  return runCli([command, '--target', target, '--env', envFile], { cwd: directory });
}

function withoutRole(emulator: RunningPingOneEmulator, role: keyof typeof ROLE_IDS): void {
  const admin = emulator.tenant.actors.admin;
  admin.roleAssignments = admin.roleAssignments.filter((assignment) => assignment.roleId !== ROLE_IDS[role]);
}

function expectNoSecret(result: CliResult, emulator: RunningPingOneEmulator): void {
  const output = result.stdout + result.stderr;
  for (const app of [
    emulator.tenant.actors.admin,
    emulator.tenant.actors.identityAdmin,
    emulator.tenant.actors.noRole,
  ])
    expect(output).not.toContain(app.clientSecret);
  for (const token of emulator.tenant.issuedTokens) expect(output).not.toContain(token.accessToken);
}

describe('idflow doctor (PingOne)', () => {
  test('a healthy tenant: exit 0, every check ok, and only the token POSTs and GETs reach it', async () => {
    const { emulator, seen } = await pingOne();
    const doctor = await cli('doctor', emulator);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
    for (const check of [
      'token (PINGONE_CLIENT_ID)',
      'roles',
      'license',
      'actor PINGONE_IDENTITY_ADMIN_CLIENT_ID',
      'actor PINGONE_NO_ROLE_CLIENT_ID',
    ])
      expect(doctor.stdout).toContain(`[ok] ${check}`);
    expect(doctor.stdout).toContain('idflow doctor: ready.');
    expect(seen.some((line) => line.endsWith('/roleAssignments'))).toBe(true);
    expect(seen.some((line) => line.includes('/licenses'))).toBe(true);
    expect(writes(seen)).toEqual([]);
    expect(emulator.tenant.environments()).toHaveLength(1);
    expectNoSecret(doctor, emulator);
  });

  test('the worker app lacks Organization Admin: exit 2, naming the role, the steps and the console fix', async () => {
    const { emulator, seen } = await pingOne();
    withoutRole(emulator, 'Organization Admin');
    const doctor = await cli('doctor', emulator);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(2);
    expect(doctor.stdout).toMatch(
      /\[FIX\] roles: .*holds no Organization Admin role at Organization scope.*03-create-environment/,
    );
    expect(doctor.stdout).toContain('fix: grant Organization Admin');
    expect(doctor.stdout).toContain('Applications > Applications > the Worker app with client ID');
    expect(doctor.stdout).toContain('source: https://developer.pingidentity.com/');
    expect(writes(seen)).toEqual([]);
    expectNoSecret(doctor, emulator);
  });

  test('the worker app lacks Environment Admin: exit 2, the fix grants Environment Admin', async () => {
    const { emulator } = await pingOne();
    withoutRole(emulator, 'Environment Admin');
    const doctor = await cli('doctor', emulator);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(2);
    expect(doctor.stdout).toMatch(/\[FIX\] roles: .*roleAssignments answered 403/);
    expect(doctor.stdout).toContain('fix: grant Environment Admin at Organization scope');
  });

  test('Environment Admin scoped to one environment only: exit 2, since it cannot reach the environment the run creates', async () => {
    const { emulator } = await pingOne();
    const admin = emulator.tenant.actors.admin;
    admin.roleAssignments = admin.roleAssignments.map((assignment) =>
      assignment.roleId === ROLE_IDS['Environment Admin']
        ? { ...assignment, scope: { id: emulator.tenant.adminEnvironmentId, type: 'ENVIRONMENT' } }
        : assignment,
    );
    const doctor = await cli('doctor', emulator);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(2);
    expect(doctor.stdout).toMatch(
      /\[FIX\] roles: .*holds no Environment Admin role at Organization scope .*04-create-population/,
    );
    expect(doctor.stdout).toContain(
      'source: ' +
        'https://developer.pingidentity.com/pingone-api/getting-started/create-an-admin-worker-app.html',
    );
  });

  test('the license has no room for one more environment: exit 2, with the fix', async () => {
    const { emulator } = await pingOne({ environmentQuota: 1 });
    const doctor = await cli('doctor', emulator);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(2);
    expect(doctor.stdout).toMatch(
      /\[FIX\] license: license "INTERNAL" \([0-9a-f-]{36}\) holds 1 of at most 1 environments/,
    );
    expect(doctor.stdout).toContain("'idflow sweep' deletes");
  });

  test('the token endpoint answers 200 without an access_token: exit 1, a conformance finding', async () => {
    const noToken: EmulatorFault = {
      name: 'token-without-access-token',
      description: 'The token endpoint answers 200 with no access_token.',
      harmful: true,
      intercept: async (req, next): Promise<EmulatorResponse> =>
        req.path.endsWith('/as/token')
          ? {
              status: 200,
              headers: { 'content-type': 'application/json' },
              body: { token_type: 'Bearer', expires_in: 3600 },
            }
          : next(),
    };
    const { emulator } = await pingOne({}, [noToken]);
    const doctor = await cli('doctor', emulator);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(1);
    expect(doctor.stdout).toMatch(
      /\[FAIL\] token \(PINGONE_CLIENT_ID\): POST \/[0-9a-f-]+\/as\/token answered 200 without an access_token/,
    );
    expect(doctor.stdout).toContain('step-1-get-access-token.html');
  });

  test('a tenant that echoes the bearer token in an error body: the finding quotes it, and no fragment of it is printed', async () => {
    const echoToken: EmulatorFault = {
      name: 'roles-echo-token',
      description: 'GET /roles answers 500 with the Authorization header as its plain-text body.',
      harmful: true,
      intercept: async (req, next): Promise<EmulatorResponse> =>
        req.path === '/v1/roles'
          ? {
              status: 500,
              headers: { 'content-type': 'text/plain' },
              body: `${req.headers.authorization ?? ''} was refused`,
            }
          : next(),
    };
    const { emulator } = await pingOne({}, [echoToken]);
    const doctor = await cli('doctor', emulator);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(1);
    expect(doctor.stdout).toMatch(/\[FAIL\] roles: GET \/roles answered 500/);
    const output = doctor.stdout + doctor.stderr;
    for (const token of emulator.tenant.issuedTokens)
      expect(output).not.toContain(token.accessToken.slice(0, 40));
  });

  test('a wrong client secret: exit 2, naming the variables and where to copy them, never the secret', async () => {
    const { emulator } = await pingOne();
    const doctor = await cli('doctor', emulator, { PINGONE_CLIENT_SECRET: 'not-the-secret-of-this-app' });
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(2);
    expect(doctor.stdout).toContain('PingOne does not accept PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET');
    expect(doctor.stdout).toContain('Applications > Applications > your Worker app > Configuration');
    expect(doctor.stdout + doctor.stderr).not.toContain('not-the-secret-of-this-app');
  });

  test('optional actors that are not what their variables claim: exit 2 for each', async () => {
    const { emulator } = await pingOne();
    const { admin, identityAdmin } = emulator.tenant.actors;
    identityAdmin.roleAssignments.push({
      id: randomUUID(),
      roleId: ROLE_IDS['Environment Admin'],
      scope: { id: emulator.tenant.organization.id, type: 'ORGANIZATION' },
      environmentId: emulator.tenant.adminEnvironmentId,
      readOnly: false,
    });
    const doctor = await cli('doctor', emulator, {
      PINGONE_NO_ROLE_CLIENT_ID: admin.id,
      PINGONE_NO_ROLE_CLIENT_SECRET: admin.clientSecret,
    });
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(2);
    expect(doctor.stdout).toMatch(
      /\[FIX\] actor PINGONE_IDENTITY_ADMIN_CLIENT_ID: .*it also holds Environment Admin \(ORGANIZATION\)/,
    );
    expect(doctor.stdout).toMatch(
      /\[FIX\] actor PINGONE_NO_ROLE_CLIENT_ID: .*it holds Organization Admin \(ORGANIZATION\), Environment Admin \(ORGANIZATION\)/,
    );
    expect(doctor.stdout).toContain("clear the role's check box");
    expect(doctor.stdout).toContain('[ok] roles');
    expectNoSecret(doctor, emulator);
  });

  test('an optional actor that is no application of the admin environment: exit 2', async () => {
    const { emulator } = await pingOne();
    const doctor = await cli('doctor', emulator, { PINGONE_NO_ROLE_CLIENT_ID: randomUUID() });
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(2);
    expect(doctor.stdout).toMatch(
      /\[FIX\] actor PINGONE_NO_ROLE_CLIENT_ID: GET .* answered 404 .*holds no application/,
    );
  });

  test('an unreachable tenant: exit 3', async () => {
    const { emulator } = await pingOne();
    const env = emulator.env();
    await emulator.close();
    running.pop();
    const doctor = await cli('doctor', { env: () => env });
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(3);
    expect(doctor.stdout).toContain('[UNREACHABLE] token (PINGONE_CLIENT_ID)');
  });

  test('without a configured tenant: exit 2, saying there is no embedded emulator to check', async () => {
    const doctor = await runCli(['doctor'], { cwd: mkdtempSync(join(tmpdir(), 'idflow-doctor-')) });
    expect(doctor.code).toBe(2);
    expect(doctor.stderr).toContain('no embedded emulator to check');
  });
});

describe('idflow doctor (Lerian Identity)', () => {
  test('the token works; roles, license and actors are said not to apply', async () => {
    const emulator = await startLerianIdentityEmulator();
    running.push(emulator);
    const doctor = await cli('doctor', emulator);
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
    expect(doctor.stdout).toContain('[ok] token (LERIAN_USERNAME)');
    expect(doctor.stdout).toContain('[unverified] roles, license, actors: do not apply');
  });
});

describe('idflow run against a configured tenant runs the preflight first', () => {
  test.each([
    {
      why: 'a missing role',
      stage: (emulator: RunningPingOneEmulator) => withoutRole(emulator, 'Organization Admin'),
      options: {},
    },
    { why: 'a full license', stage: () => undefined, options: { environmentQuota: 1 } },
  ])('$why: exit 2 and nothing was created', async ({ stage, options }) => {
    const { emulator, seen } = await pingOne(options);
    stage(emulator);
    const run = await cli('run', emulator);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain('nothing was created');
    expect(run.stderr).toContain('[FIX]');
    expect(writes(seen)).toEqual([]);
    expect(emulator.tenant.environments()).toHaveLength(1);
    expectNoSecret(run, emulator);
  });
});
