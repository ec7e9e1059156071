import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { runCli } from '../support/run-cli.ts';
import { createTestPki, pemBodyLines, type TestPki } from '../support/test-pki.ts';
import { startTlsServer, type TlsServer } from '../support/tls-server.ts';

/**
 * A tenant behind a private CA that requires client certificates (the emulator served over
 * mTLS), and one that takes requests and never answers: what --ca, --cert/--key, --insecure and
 * --timeout-request are for, through the real `idflow` command.
 */
const directory = mkdtempSync(join(tmpdir(), 'idflow-tls-'));
let pki: TestPki;
let emulator: RunningPingOneEmulator;
let silent: TlsServer;
let envFile: string;
let silentEnvFile: string;

function writeEnv(file: string, variables: Record<string, string>): string {
  writeFileSync(
    file,
    Object.entries(variables)
      .map(([name, value]) => `${name}=${value}\n`)
      .join(''),
    { mode: 0o600 },
  );
  return file;
}

beforeAll(async () => {
  pki = createTestPki();
  emulator = await startPingOneEmulator({
    tls: { cert: pki.server.cert, key: pki.server.key, clientCa: pki.ca },
  });
  silent = await startTlsServer(pki, { neverAnswer: true });
  envFile = writeEnv(join(directory, 'tenant.env'), emulator.env());
  silentEnvFile = writeEnv(join(directory, 'silent.env'), {
    ...emulator.env(),
    PINGONE_API_URL: `${silent.url}/v1`,
    PINGONE_AUTH_URL: silent.url,
  });
});
afterAll(async () => {
  await Promise.all([emulator.close(), silent.close()]);
});

describe('idflow doctor against a tenant behind a private CA that requires client certificates', () => {
  const doctor = (...args: string[]) =>
    runCli(['doctor', '--target', 'pingone', ...args], { cwd: directory });
  const clientCertificate = () => ['--cert', pki.client.certFile, '--key', pki.client.keyFile];

  test('each TLS failure names its cause and fix; --insecure passes with a warning; --timeout-request gives up in time', async () => {
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const [untrusted, noCertificate, insecure, timedOut] = await Promise.all([
      doctor('--env', envFile, ...clientCertificate()),
      doctor('--env', envFile, '--ca', pki.caFile),
      doctor('--env', envFile, '--insecure', ...clientCertificate()),
      doctor('--env', silentEnvFile, '--ca', pki.caFile, '--timeout-request', '200'),
    ]);

    expect(untrusted.code, untrusted.stdout + untrusted.stderr).toBe(3);
    expect(untrusted.stdout).toMatch(
      /not signed by a CA this machine trusts.*--ca FILE.*NODE_EXTRA_CA_CERTS/,
    );

    expect(noCertificate.code, noCertificate.stdout + noCertificate.stderr).toBe(3);
    expect(noCertificate.stdout).toMatch(
      /requires a client certificate and none was sent: pass --cert FILE --key FILE/,
    );

    expect(insecure.code, insecure.stdout + insecure.stderr).toBe(0);
    expect(insecure.stderr).toMatch(/--insecure: .*not verified.*anyone on the network path.*client secret/);

    expect(timedOut.stdout).toMatch(/timed out after 200 ms/);
    expect(timedOut.code).not.toBe(0);

    for (const result of [untrusted, noCertificate, insecure, timedOut]) {
      const output = result.stdout + result.stderr;
      expect(output).not.toContain('internal error');
      expect(output).not.toMatch(/\n\s+at /);
      for (const line of pemBodyLines(pki.client.key)) expect(output).not.toContain(line);
    }
  });

  test('a key file that is not a key is exit 2, naming the file and never showing what it holds', async () => {
    const notAKey = join(directory, 'not-a-key.pem');
    writeFileSync(notAKey, 'PINGONE_CLIENT_SECRET=never-print-me-0b7e\n');
    const result = await doctor('--env', envFile, '--cert', pki.client.certFile, '--key', notAKey);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `The client key ${notAKey} (--key, IDFLOW_KEY_FILE) is not a PEM private key`,
    );
    expect(result.stdout + result.stderr).not.toContain('never-print-me');
  });
});

describe('idflow run over mutual TLS', () => {
  test(
    '--ca, --cert and --key reach the preflight, the suites in the test process and the teardown',
    { timeout: 180_000 },
    async () => {
      const run = await runCli(
        [
          'run',
          '--target',
          'pingone',
          '--smoke',
          '--env',
          envFile,
          '--ca',
          pki.caFile,
          ...['--cert', pki.client.certFile, '--key', pki.client.keyFile],
        ],
        { cwd: directory, timeoutMs: 170_000 },
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stderr).toMatch(/: [1-9]\d* passed, 0 failed, \d+ skipped/);
      for (const line of pemBodyLines(pki.client.key)) expect(run.stdout + run.stderr).not.toContain(line);
      // What the run created inside the tenant went again in its teardown.
      expect(emulator.leftovers('idflow-')).toEqual([]);
    },
  );
});
