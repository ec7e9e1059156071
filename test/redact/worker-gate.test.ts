import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { findLeaks, runOutputs, SecretSet } from '../support/secret-scan.ts';
import type { CliResult } from '../support/run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const VITEST = resolve(ROOT, 'node_modules/vitest/vitest.mjs');

function runVitest(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [VITEST, 'run', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        VITEST: '',
        VITEST_WORKER_ID: '',
        VITEST_POOL_ID: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * The worker gate of the target projects, alone: a secret only the worker knows (as a captured
 * token is) reaches no reporter through any channel, though the suite hands it to each of them
 * unredacted. The vitest main process never learns the secret, so only the gate can mask it.
 */
test(
  'a worker-only secret reaches no console reporter, JUnit or JSON file',
  { timeout: 60_000 },
  async () => {
    const token = `worker-only-${Math.random().toString(36).slice(2)}-token+/=`;
    const directory = mkdtempSync(join(tmpdir(), 'idflow-gate-'));
    const files = ['junit.xml', 'report.json'];
    const outputs: Record<string, string> = {};
    for (const reporter of ['default', 'verbose', 'dot', 'tap-flat']) {
      const run = await runVitest(
        [
          '--config',
          'test/redact/fixtures/worker-gate.config.ts',
          '--reporter',
          reporter,
          '--reporter',
          'junit',
          '--outputFile.junit',
          join(directory, files[0] as string),
          '--reporter',
          'json',
          '--outputFile.json',
          join(directory, files[1] as string),
        ],
        { LEAKY_TOKEN: token },
      );
      expect(run.code, run.stdout + run.stderr).toBe(1);
      for (const [where, text] of Object.entries(runOutputs({ ...run, directory }, files)))
        outputs[`${reporter} ${where}`] = text;
    }
    const secrets = new SecretSet();
    secrets.add('worker-only token', token);
    expect(findLeaks(outputs, secrets)).toEqual([]);
    // Every channel really carried the (masked) secret to the reports: the scan is not vacuous.
    const all = Object.values(outputs).join('\n');
    for (const seen of [
      'failed: Bearer [REDACTED]',
      'inner [REDACTED]',
      'the tenant said [REDACTED]',
      'skipped because of [REDACTED]',
      'log [REDACTED]',
      'unhandled [REDACTED]',
      'afterAll saw [REDACTED]',
    ])
      expect(all).toContain(seen);
  },
);
