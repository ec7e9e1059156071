import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { emulatorTlsOption } from '../../src/cli/emulator-tls-option.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { createHttpClient } from '../../src/http/client.ts';
import { tlsSettingsFromEnvironment } from '../../src/http/tls-settings.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

/** `idflow emulator --tls-cert FILE --tls-key FILE`: an offline tenant to try --ca and friends against. */
const BIN = resolve(import.meta.dirname, '../../src/cli/bin.js');
let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});

describe('--tls-cert and --tls-key', () => {
  test('go together, and a key that is not the certificate’s is named', () => {
    expect(emulatorTlsOption(undefined, undefined)).toBeUndefined();
    expect(() => emulatorTlsOption(pki.server.certFile, undefined)).toThrow(UsageError);
    expect(() => emulatorTlsOption(undefined, pki.server.keyFile)).toThrow(/--tls-cert is missing/);
    expect(() => emulatorTlsOption(pki.server.certFile, pki.client.keyFile)).toThrow(ConfigError);
    expect(() => emulatorTlsOption(pki.server.certFile, pki.client.keyFile)).toThrow(
      /client\.key \(--tls-key\) does not belong to the certificate/,
    );
    expect(emulatorTlsOption(pki.server.certFile, pki.server.keyFile)).toEqual({
      cert: pki.server.cert.trim(),
      key: pki.server.key,
    });
  });

  test('idflow emulator serves https:// with them, and --env-out names https:// URLs', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'idflow-emulator-tls-'));
    const envFile = join(directory, 'emulator.env');
    const child = spawn(
      process.execPath,
      [
        BIN,
        'emulator',
        '--port',
        '0',
        '--env-out',
        envFile,
        '--tls-cert',
        pki.server.certFile,
        '--tls-key',
        pki.server.keyFile,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    const banner = await new Promise<string>((done, fail) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('wrote ')) done(output);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => fail(new Error(`emulator exited early (${code}): ${output}`)));
    });
    const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    expect(url, banner).toBeDefined();
    expect(readFileSync(envFile, 'utf8')).toContain(`PINGONE_API_URL="${url}/v1"`);

    const client = createHttpClient({ tls: tlsSettingsFromEnvironment({ IDFLOW_CA_FILE: pki.caFile }) });
    try {
      const response = await client.send({ method: 'GET', url: `${url}/v1/environments`, headers: {} });
      // Over TLS, trusted through --ca's CA: the emulator answers (no token, so 401).
      expect(response.status).toBe(401);
    } finally {
      await client.close();
    }
    child.kill('SIGTERM');
  });
});
