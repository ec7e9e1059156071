import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { plantEnvironment } from '../cleanup/support/plant.ts';
import { listedEnvironments, startPoisoningProxy } from '../cleanup/support/poisoning-proxy.ts';
import { writeEnv } from '../cleanup/support/spawn-run.ts';
import { startLocalServer, type LocalServer } from '../support/local-server.ts';
import { runCli } from '../support/run-cli.ts';

const HOUR = 3_600_000;
/** Each test runs one or two child sweeps; a loaded 2-core machine needs more than 30 s for that. */
const SLOW = { timeout: 90_000 };
const OLD = new Date(Date.now() - 3 * HOUR).toISOString();
let emulator: RunningPingOneEmulator;
let attacker: LocalServer;
const servers: LocalServer[] = [];

beforeEach(async () => {
  emulator = await startPingOneEmulator();
  attacker = await startLocalServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ _embedded: { environments: [] } }));
  });
});
afterEach(async () => {
  await Promise.all([...servers.splice(0), attacker].map((server) => server.close()));
  await emulator.close();
});

function environment(id: string, name: string): Record<string, unknown> {
  return { id, name, type: 'SANDBOX', createdAt: OLD, region: 'NA' };
}

async function sweepThrough(poison: Parameters<typeof startPoisoningProxy>[1]) {
  const proxy = await startPoisoningProxy(emulator.url, poison);
  servers.push(proxy);
  const directory = mkdtempSync(join(tmpdir(), 'idflow-hostile-'));
  const env = { ...emulator.env(), PINGONE_API_URL: `${proxy.url}/v1`, PINGONE_AUTH_URL: proxy.url };
  const sweep = await runCli(['sweep', '--env', writeEnv(directory, env)], { cwd: directory });
  return { sweep, proxy };
}

test(
  'a listing with traversal ids under idflow- names deletes nothing but the real, well-formed idflow- ' +
    'environment',
  SLOW,
  async () => {
    const victim = plantEnvironment(emulator.tenant, { name: 'customer-sandbox', ageMs: 30 * 24 * HOUR });
    const ours = plantEnvironment(emulator.tenant, { name: 'idflow-20260101t0000-aaaaaa', ageMs: 3 * HOUR });
    const poisoned = [
      environment(`${ours.id}/../${victim.id}`, 'idflow-20260101t0000-evil01'),
      environment('../organizations', 'idflow-20260101t0000-evil02'),
      environment(`${ours.id}/%2e%2e/${victim.id}`, 'idflow-20260101t0000-evil03'),
      environment(`${ours.id}%2F..%2F${victim.id}`, 'idflow-20260101t0000-evil04'),
      environment('..', 'idflow-20260101t0000-evil05'),
      environment(`${victim.id}\u001b[2K`, 'idflow-20260101t0000-evil06'),
    ];
    const { sweep, proxy } = await sweepThrough((body) => ({
      ...body,
      _embedded: { environments: [...listedEnvironments(body), ...poisoned] },
    }));

    expect(emulator.tenant.environmentsById.has(victim.id), sweep.stdout + sweep.stderr).toBe(true);
    expect(emulator.tenant.environmentsById.has(ours.id)).toBe(false);
    const writes = proxy.received.filter((request) => request.method !== 'GET' && request.method !== 'POST');
    expect(writes.map((request) => request.url)).toEqual([`/v1/environments/${ours.id}`]);
    for (const request of proxy.received)
      expect(request.url).not.toMatch(/\.\.|%2e|organizations\/|undefined/i);
    expect(sweep.stdout).toMatch(/deleted\s+idflow-20260101t0000-aaaaaa/);
    for (const evil of ['evil01', 'evil02', 'evil03', 'evil04', 'evil05', 'evil06'])
      expect(sweep.stdout).toMatch(
        new RegExp(`malformed id\\s+idflow-20260101t0000-${evil} .*its id is not a UUID`),
      );
    expect(sweep.stdout).not.toContain('\u001b');
    expect(sweep.stdout).toContain('1 deleted, 6 left alone.');
    expect(sweep.code, sweep.stdout + sweep.stderr).toBe(0);
  },
);

test(
  'a _links.next to another origin is not followed: the foreign server gets nothing, the sweep stops ' +
    'saying why',
  SLOW,
  async () => {
    const ours = plantEnvironment(emulator.tenant, { name: 'idflow-20260101t0000-bbbbbb', ageMs: 3 * HOUR });
    const { sweep } = await sweepThrough((body) => ({
      ...body,
      _links: { ...(body._links as object), next: { href: `${attacker.url}/v1/environments?cursor=stolen` } },
    }));
    expect(attacker.received).toEqual([]);
    expect(sweep.code, sweep.stdout + sweep.stderr).toBe(1);
    expect(sweep.stderr).toContain(`_links.next leads to ${attacker.url}`);
    expect(sweep.stderr).toMatch(/not followed/);
    expect(sweep.stderr).not.toMatch(/\n\s+at /);
    expect(emulator.tenant.environmentsById.has(ours.id)).toBe(true);
  },
);

test('a same-origin _links.next with traversal is not followed either', SLOW, async () => {
  const { sweep, proxy } = await sweepThrough((body) => ({
    ...body,
    _links: {
      next: {
        href: `${new URL(String((body._links as { self: { href: string } }).self.href)).origin}/v1/environments/../organizations?cursor=x`,
      },
    },
  }));
  expect(proxy.received.filter((request) => request.url.includes('organizations'))).toEqual([]);
  expect(sweep.code).toBe(1);
  expect(sweep.stderr).toMatch(/_links\.next .*not followed/);
});

test.each([
  { target: 'pingone', variable: 'PINGONE_API_URL' },
  { target: 'lerian-identity', variable: 'LERIAN_IDENTITY_URL' },
])(
  'sweep --target $target never prints the user:password@ of a configured URL',
  SLOW,
  async ({ target, variable }) => {
    const directory = mkdtempSync(join(tmpdir(), 'idflow-userinfo-'));
    const configured =
      target === 'pingone'
        ? emulator.env()
        : {
            LERIAN_AUTH_URL: `${attacker.url}`,
            LERIAN_IDENTITY_URL: `${attacker.url}`,
            LERIAN_CLIENT_ID: 'app',
            LERIAN_CLIENT_SECRET: 'app-secret-userinfo-test',
            LERIAN_IDFLOW_EMULATOR: 'true',
          };
    const withUserinfo = (name: string): string => {
      const url = new URL(configured[name as keyof typeof configured] ?? '');
      url.username = 'sweeper';
      url.password = 'pw-in-url-3f9c1d';
      return url.href;
    };
    const url = new URL(withUserinfo(variable));
    // The auth URL too: its token request fails against the foreign server, printing evidence.
    const auth = variable.replace(/_(API|IDENTITY)_URL$/, '_AUTH_URL');
    const file = writeEnv(directory, { ...configured, [variable]: url.href, [auth]: withUserinfo(auth) });
    for (const args of [[], ['--dry-run']]) {
      const sweep = await runCli(['sweep', '--target', target, '--env', file, ...args], { cwd: directory });
      expect(sweep.stdout + sweep.stderr).toContain(url.host);
      expect(sweep.stdout + sweep.stderr).not.toContain('pw-in-url-3f9c1d');
      expect(sweep.stdout + sweep.stderr).not.toContain('sweeper');
    }
  },
);
