import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { applyNetworkOptions, networkSweepArguments } from '../../src/cli/network-options.ts';
import { sweepCommand } from '../../src/supervisor/abandoned-cleanup.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { createTestPki, pemBodyLines, type TestPki } from '../support/test-pki.ts';

/** `--ca`, `--cert`/`--key`, `--insecure` and `--timeout-request`, checked before anything is sent. */
let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('options become the variables every client of the command (and the test process) reads', () => {
  test('--ca, --cert and --key as absolute paths; --insecure as IDFLOW_INSECURE_TLS', () => {
    const env: NodeJS.ProcessEnv = {};
    applyNetworkOptions(
      {
        ca: relative(process.cwd(), pki.caFile),
        cert: pki.client.certFile,
        key: pki.client.keyFile,
        insecure: true,
      },
      env,
    );
    expect(env).toMatchObject({
      IDFLOW_CA_FILE: pki.caFile,
      IDFLOW_CERT_FILE: pki.client.certFile,
      IDFLOW_KEY_FILE: pki.client.keyFile,
      IDFLOW_INSECURE_TLS: '1',
    });
    expect(Object.values(env).join('\n')).not.toContain(pemBodyLines(pki.client.key)[0]);
  });

  test('--timeout-request MS beats IDFLOW_REQUEST_TIMEOUT', () => {
    const env: NodeJS.ProcessEnv = { IDFLOW_REQUEST_TIMEOUT: '10s' };
    applyNetworkOptions({ 'timeout-request': '200' }, env);
    expect(env.IDFLOW_REQUEST_TIMEOUT).toBe('200ms');
  });

  test('the sweep a stopped run suggests repeats the TLS options', () => {
    const env: NodeJS.ProcessEnv = {};
    applyNetworkOptions(
      { ca: pki.caFile, cert: pki.client.certFile, key: pki.client.keyFile, insecure: true },
      env,
    );
    expect(networkSweepArguments(env)).toEqual([
      '--ca',
      pki.caFile,
      '--cert',
      pki.client.certFile,
      '--key',
      pki.client.keyFile,
      '--insecure',
    ]);
    expect(networkSweepArguments({})).toEqual([]);
    expect(sweepCommand('acme', { configured: true, networkArguments: networkSweepArguments(env) })).toBe(
      `idflow sweep --target acme --ca ${pki.caFile} --cert ${pki.client.certFile} --key ${pki.client.keyFile} --insecure`,
    );
  });
});

describe('a mistake is exit 2 before anything is sent', () => {
  test.each([
    [{ cert: 'client.pem' }, /--cert needs --key/],
    [{ key: 'client.key' }, /--key needs --cert/],
  ])('%j is a usage error naming the missing option', (options, message) => {
    const error = thrown(() => applyNetworkOptions(options, {}));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
  });

  test.each(['0', '-5', 'abc', '1.5', '200ms', ''])('--timeout-request %j is a usage error', (value) => {
    const error = thrown(() => applyNetworkOptions({ 'timeout-request': value }, {}));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/--timeout-request must be a whole number from 1/);
  });

  test('a key file that is not a key is named, and what it holds is never shown', () => {
    const file = join(pki.dir, 'not-a-key.pem');
    writeFileSync(file, 'client_secret=do-not-print-this-9f2c\n');
    const error = thrown(() => applyNetworkOptions({ cert: pki.client.certFile, key: file }, {}));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(file);
    expect((error as ConfigError).message).toContain('--key');
    expect((error as ConfigError).message).not.toContain('do-not-print-this');
  });
});

describe('--insecure', () => {
  test('is allowed, with a warning that names the risk', () => {
    const warnings = applyNetworkOptions({ insecure: true }, {});
    expect(warnings.join('\n')).toMatch(/--insecure.*not verified/);
    expect(warnings.join('\n')).toMatch(/anyone on the network path/);
    expect(warnings.join('\n')).toMatch(/client secret.*tokens/);
  });

  test('set as IDFLOW_INSECURE_TLS it warns too; without it nothing is said', () => {
    expect(applyNetworkOptions({}, { IDFLOW_INSECURE_TLS: 'true' }).join('\n')).toMatch(
      /IDFLOW_INSECURE_TLS/,
    );
    expect(applyNetworkOptions({ ca: pki.caFile }, {})).toEqual([]);
  });
});
