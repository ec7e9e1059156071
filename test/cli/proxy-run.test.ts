import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.ts';
import { runCli } from '../support/run-cli.ts';

/** A CI runner behind a corporate proxy: every request of a run goes through it, none bypasses it. */
const directory = mkdtempSync(join(tmpdir(), 'idflow-proxy-'));
let emulator: RunningPingOneEmulator;
let proxy: ConnectProxy;
let envFile: string;
beforeAll(async () => {
  emulator = await startPingOneEmulator();
  proxy = await startConnectProxy();
  envFile = join(directory, 'tenant.env');
  writeFileSync(
    envFile,
    Object.entries(emulator.env())
      .map(([name, value]) => `${name}=${value}\n`)
      .join(''),
    { mode: 0o600 },
  );
});
afterAll(async () => {
  await proxy.close();
  await emulator.close();
});
afterEach(() => proxy.tunnels.splice(0));

describe('a run behind a proxy', () => {
  test(
    'HTTPS_PROXY and HTTP_PROXY alone: the run passes and every connection went through the proxy',
    { timeout: 180_000 },
    async () => {
      const run = await runCli(['run', '--target', 'pingone', '--env', envFile], {
        cwd: directory,
        env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url },
        timeoutMs: 170_000,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(proxy.tunnels.length).toBeGreaterThan(0);
      expect(new Set(proxy.tunnels.map((tunnel) => tunnel.target))).toEqual(
        new Set([new URL(emulator.url).host]),
      );
    },
  );

  test('--proxy URL beats the environment, and NO_PROXY covering the host sends nothing through it', async () => {
    const through = await runCli(['doctor', '--target', 'pingone', '--env', envFile, '--proxy', proxy.url], {
      cwd: directory,
      env: { HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' },
    });
    expect(through.code, through.stderr + through.stdout).toBe(0);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    proxy.tunnels.splice(0);
    const direct = await runCli(['doctor', '--target', 'pingone', '--env', envFile, '--proxy', proxy.url], {
      cwd: directory,
      env: { NO_PROXY: new URL(emulator.url).hostname },
    });
    expect(direct.code, direct.stderr + direct.stdout).toBe(0);
    expect(proxy.tunnels).toEqual([]);
  });

  test('--proxy that is not an http(s) URL is a usage error that does not show its password', async () => {
    const result = await runCli(['doctor', '--proxy', 'socks://user:s3cret-pr0xy@proxy:1080'], {
      cwd: directory,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not an http:// or https:// URL');
    expect(result.stderr).not.toContain('s3cret-pr0xy');
  });
});
