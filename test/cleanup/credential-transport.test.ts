import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { writeEnv } from './support/spawn-run.ts';
import { runCli } from '../support/run-cli.ts';

const SECRET = 'transport-secret-7d41c2';
const PASSWORD = 'transport-password-93be0f';

/**
 * This machine's own non-loopback IPv4 address: a host idflow must treat as foreign, reachable
 * without any traffic leaving the machine.
 */
function ownNonLoopbackAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    const found = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (found) return found.address;
  }
  return undefined;
}

const OWN_ADDRESS = ownNonLoopbackAddress();

/** A server on every interface that answers 401 and counts what reaches it. */
interface CountingServer {
  readonly origin: string;
  readonly received: string[];
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function countingServer(address: string): Promise<CountingServer> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''} ${body}`);
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end('{"code":"UNAUTHORIZED","message":"no"}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://${address}:${port}`, received };
}

function envFileFor(variables: Record<string, string>): { directory: string; file: string } {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-transport-'));
  return { directory, file: writeEnv(directory, variables) };
}

const pingOne = (origin: string) => ({
  PINGONE_API_URL: `${origin}/v1`,
  PINGONE_AUTH_URL: origin,
  PINGONE_ADMIN_ENV_ID: '0f3c1b7e-6a52-4f1e-9a8b-2c4d6e8f0a1b',
  PINGONE_CLIENT_ID: '5b2f7c9d-1e3a-4b5c-8d7e-9f0a1b2c3d4e',
  PINGONE_CLIENT_SECRET: SECRET,
});

const lerian = (origin: string) => ({
  LERIAN_AUTH_URL: origin,
  LERIAN_IDENTITY_URL: origin,
  LERIAN_USERNAME: 'admin',
  LERIAN_PASSWORD: PASSWORD,
});

function expectNoStackNorSecret(output: string): void {
  expect(output).not.toMatch(/\n\s+at /);
  expect(output).not.toContain(SECRET);
  expect(output).not.toContain(PASSWORD);
}

describe.skipIf(OWN_ADDRESS === undefined)(
  'credentials never travel in cleartext or to an unchecked host',
  () => {
    const address = OWN_ADDRESS ?? '';

    test('PingOne over http:// to an --allow-host host: exit 2 naming the URL and --allow-insecure-http, nothing sent', async () => {
      const server = await countingServer(address);
      const { directory, file } = envFileFor(pingOne(server.origin));
      const run = await runCli(['run', '--target', 'pingone', '--env', file, '--allow-host', address], {
        cwd: directory,
      });
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toMatch(/PINGONE_(API|AUTH)_URL/);
      expect(run.stderr).toContain('cleartext');
      expect(run.stderr).toContain('--allow-insecure-http');
      expectNoStackNorSecret(run.stdout + run.stderr);
      expect(server.received).toEqual([]);
    });

    test('Lerian at a host that is neither documented nor loopback nor allowed: exit 2 for run and sweep, nothing sent', async () => {
      const server = await countingServer(address);
      const { directory, file } = envFileFor(lerian(server.origin));
      const run = await runCli(['run', '--target', 'lerian-identity', '--env', file], { cwd: directory });
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toContain('LERIAN_AUTH_URL');
      expect(run.stderr).toContain(`--allow-host ${address}`);
      expect(run.stderr).toContain(`LERIAN_ALLOW_HOST=${address}`);
      expectNoStackNorSecret(run.stdout + run.stderr);
      const sweep = await runCli(['sweep', '--target', 'lerian-identity', '--env', file], { cwd: directory });
      expect(sweep.code, sweep.stdout + sweep.stderr).toBe(2);
      expect(sweep.stderr).toContain('--allow-host');
      expect(server.received).toEqual([]);
    });

    test('Lerian at an allowed host over http://: exit 2 until --allow-insecure-http, which proceeds with a warning', async () => {
      const server = await countingServer(address);
      const { directory, file } = envFileFor(lerian(server.origin));
      const refused = await runCli(
        ['run', '--target', 'lerian-identity', '--env', file, '--allow-host', address],
        {
          cwd: directory,
        },
      );
      expect(refused.code, refused.stdout + refused.stderr).toBe(2);
      expect(refused.stderr).toContain('LERIAN_AUTH_URL');
      expect(refused.stderr).toContain('--allow-insecure-http');
      expectNoStackNorSecret(refused.stdout + refused.stderr);
      expect(server.received).toEqual([]);

      const allowed = await runCli(
        [
          'run',
          '--target',
          'lerian-identity',
          '--env',
          file,
          '--allow-host',
          address,
          '--allow-insecure-http',
        ],
        { cwd: directory },
      );
      // Past the transport guard: what stops it now is the preflight, on the token this server refused.
      expect(allowed.stderr).toContain('the preflight (idflow doctor) found what stops the run');
      expect(allowed.stderr).toMatch(/warning.*cleartext/i);
      expect(allowed.stderr).toContain(address);
      expectNoStackNorSecret(allowed.stdout + allowed.stderr);
      // The token request reached the server: the run really went there.
      expect(server.received.some((line) => line.includes('/v1/login/oauth/access_token'))).toBe(true);
    }, 120_000);
  },
);
