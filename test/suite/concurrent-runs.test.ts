import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const BIN = resolve(import.meta.dirname, '../../src/cli/bin.js');

/**
 * `idflow emulator --env-out FILE` as a child; resolves once the file is written. The child never outlives
 * the test.
 */
async function startStandaloneEmulator(envFile: string): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'emulator', '--port', '0', '--env-out', envFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  const stopped = new Promise<void>((done) => child.on('exit', () => done()));
  onTestFinished(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await stopped;
  });
  let output = '';
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('wrote ')) done();
    });
    child.on('exit', (code) => fail(new Error(`emulator exited early (${code}): ${output}`)));
  });
}

test('four runs started at once against one standalone emulator all pass, and leave no environment behind', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-concurrent-'));
  const envFile = join(directory, 'emulator.env');
  await startStandaloneEmulator(envFile);

  // One working directory for all four, as in a CI checkout: each run keeps its ledger in its own folder.
  const runs = await Promise.all(
    [1, 2, 3, 4].map(() =>
      runCli(['run', '--target', 'pingone', '--env', envFile, '--reporter', 'dot'], {
        cwd: directory,
        timeoutMs: 240_000,
      }),
    ),
  );
  for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);

  // The emulator enforces unique environment names, so four green runs also means four distinct names.
  const leftovers = await runCli(['sweep', '--env', envFile, '--older-than', '0s', '--dry-run'], {
    cwd: directory,
  });
  expect(leftovers.code, leftovers.stdout + leftovers.stderr).toBe(0);
  expect(leftovers.stdout).toContain('nothing to sweep: no environment is named like an idflow run.');
  expect(readdirSync(join(directory, '.idflow', 'runs'))).toEqual([]);
}, 300_000);
