import { describe, expect, test } from 'vitest';
import { resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { disallowedHost, isLoopbackName, parseAllowedHosts } from '../../src/guards/host-guard.ts';
import { isLoopbackAddress } from '../../src/http/loopback.ts';
import { isPingOneHost } from '../../src/targets/pingone/hosts.ts';
import { runCli } from '../support/run-cli.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SECRET = 'host-guard-secret-51c0e9';
const base = {
  PINGONE_ADMIN_ENV_ID: '0f3c1b7e-6a52-4f1e-9a8b-2c4d6e8f0a1b',
  PINGONE_CLIENT_ID: '5b2f7c9d-1e3a-4b5c-8d7e-9f0a1b2c3d4e',
  PINGONE_CLIENT_SECRET: SECRET,
};

describe('which hosts may receive PingOne credentials', () => {
  test.each([
    'api.pingone.com',
    'auth.pingone.eu',
    'api.pingone.com.au',
    'auth.pingone.asia',
    'api.pingone.sg',
    'auth.pingone.ca',
  ])('%s is a PingOne regional host', (host) => {
    expect(isPingOneHost(host)).toBe(true);
  });
  test.each([
    'api.pingone.co',
    'pingone.com.evil.example',
    'api-pingone.com',
    'apipingone.com',
    'api.pingone.de',
  ])('%s is not', (host) => {
    expect(isPingOneHost(host)).toBe(false);
  });
  test.each(['localhost', 'app.localhost', '127.0.0.1', '127.8.9.10', '::1'])(
    '%s is named as loopback',
    (host) => expect(isLoopbackName(host)).toBe(true),
  );
  test.each(['0.0.0.0', '10.0.0.1', '128.0.0.1', 'localhost.example.com'])('%s is not loopback', (host) =>
    expect(isLoopbackName(host)).toBe(false),
  );
  test.each(['127.0.0.1', '127.255.0.9', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])(
    '%s is a loopback address',
    (address) => expect(isLoopbackAddress(address)).toBe(true),
  );
  test.each([
    'localhost',
    'evil.localhost',
    '0.0.0.0',
    '192.0.2.2',
    '::',
    '::2',
    '::ffff:10.0.0.1',
    'fd00::1',
  ])('%s is not a loopback address (a name never is)', (address) =>
    expect(isLoopbackAddress(address)).toBe(false),
  );

  test('an allowed host passes; the first foreign one is named', () => {
    const urls = ['https://api.pingone.eu/v1', 'https://proxy.example.com'];
    expect(disallowedHost(urls, [], isPingOneHost)).toEqual({
      url: 'https://proxy.example.com',
      host: 'proxy.example.com',
    });
    expect(
      disallowedHost(urls, parseAllowedHosts('other.example, PROXY.example.com'), isPingOneHost),
    ).toBeUndefined();
    expect(disallowedHost(['http://[::1]:8080/v1'], [], isPingOneHost)).toBeUndefined();
  });
});

describe('configuration refuses a foreign host before any request', () => {
  const typo = {
    ...base,
    PINGONE_API_URL: 'https://api.pingone.co/v1',
    PINGONE_AUTH_URL: 'https://auth.pingone.com',
  };

  test('a typo in PINGONE_API_URL is a ConfigError naming the host, the variable and both allow options', () => {
    let error: unknown;
    try {
      resolvePingOneConfig(typo, 'env/pingone.env');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('"api.pingone.co"');
    expect(message).toContain('PINGONE_API_URL');
    expect(message).toContain('--allow-host api.pingone.co');
    expect(message).toContain('PINGONE_ALLOW_HOST=api.pingone.co');
    expect(message).not.toContain(SECRET);
  });

  test('PINGONE_ALLOW_HOST lets that host through; PINGONE_ALLOW_HOST alone configures nothing', () => {
    expect(
      resolvePingOneConfig({ ...typo, PINGONE_ALLOW_HOST: 'api.pingone.co' }, 'env/pingone.env')?.apiUrl,
    ).toBe('https://api.pingone.co/v1');
    expect(
      resolvePingOneConfig({ PINGONE_ALLOW_HOST: 'example.com' }, 'process environment'),
    ).toBeUndefined();
  });

  test('idflow run exits 2 naming the host and --allow-host, without a stack trace or the secret', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'idflow-host-'));
    const file = join(directory, 'typo.env');
    writeFileSync(
      file,
      Object.entries({
        ...base,
        PINGONE_API_URL: 'https://api.pingone.co/v1',
        PINGONE_AUTH_URL: 'https://auth.pingone.co',
      })
        .map(([name, value]) => `${name}=${value}`)
        .join('\n'),
    );
    const run = await runCli(['run', '--target', 'pingone', '--env', file], { cwd: directory });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('api.pingone.co');
    expect(run.stderr).toContain('--allow-host');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    const sweep = await runCli(['sweep', '--env', file], { cwd: directory });
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain('--allow-host');
  });
});
