import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getPingOneFault } from '../../src/emulator/pingone/faults.ts';
import { startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { runCli } from '../support/run-cli.ts';
import { runSuiteAgainst } from '../support/standalone-run.ts';
import type { EmulatorFault } from '../../src/emulator/http/index.ts';

function fault(name: string): EmulatorFault {
  const found = getPingOneFault(name);
  if (!found) throw new Error(`no PingOne fault ${name}`);
  return found;
}

describe('idflow run survives benign rate limiting and outages (black box)', () => {
  test.concurrent.each(['rate-limited-once', 'unavailable-once', 'connection-reset-once'])(
    'the PingOne suite passes against the emulator with fault %s',
    async (name) => {
      const run = await runSuiteAgainst({ faults: [fault(name)] });
      try {
        expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
        expect(run.tests.filter((result) => result.status === 'failed')).toEqual([]);
      } finally {
        await run.emulator.close();
      }
    },
    180_000,
  );
});

describe('idflow run: https to a host that does not speak TLS is a configuration error', () => {
  test('https to a plain HTTP port exits 2 with a message naming the scheme', async () => {
    const emulator = await startPingOneEmulator();
    const directory = mkdtempSync(join(tmpdir(), 'idflow-tls-'));
    const envFile = join(directory, 'tls.env');
    const env = Object.entries(emulator.env()).map(
      ([name, value]) => `${name}=${value.replace(/^http:/, 'https:')}`,
    );
    writeFileSync(envFile, env.join('\n'));
    try {
      const run = await runCli(['run', '--target', 'pingone', '--env', envFile], { cwd: directory });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.code, output).toBe(2);
      expect(output).toMatch(
        /TLS with 127\.0\.0\.1:\d+ failed for POST \/[^ ]+\/as\/token \((EPROTO|ERR_SSL_WRONG_VERSION_NUMBER): [^)]*\)\. The host does not answer in TLS: check the scheme \(http or https\) and the port of the URL\./,
      );
      expect(emulator.tenant.issuedTokens).toEqual([]);
    } finally {
      await emulator.close();
    }
  }, 120_000);
});
