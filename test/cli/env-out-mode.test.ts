import { spawn } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const BIN = resolve(import.meta.dirname, '../../src/cli/bin.js');

/** Runs `idflow emulator ARGS` until it has written its env file, then stops it. */
async function emulatorWritingEnv(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  let output = '';
  let asked = false;
  const stopped = new Promise<{ code: number | null; output: string }>((done) =>
    child.on('exit', (code) => done({ code, output })),
  );
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('wrote ') && !asked) {
      asked = true;
      child.kill('SIGTERM');
    }
  });
  return stopped;
}

// Attack: writeFileSync's mode applies only when it creates the file, so an existing 0644
// file kept its mode and three client secrets became world-readable.
test('--env-out into an existing world-readable file leaves it 0600', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-env-out-'));
  const file = join(directory, 'emulator.env');
  writeFileSync(file, '# an older file\n', { mode: 0o644 });
  chmodSync(file, 0o644);
  const { code, output } = await emulatorWritingEnv(['--port', '0', '--env-out', file]);
  expect(code, output).toBe(0);
  expect(readFileSync(file, 'utf8')).toContain('PINGONE_CLIENT_SECRET=');
  expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
});

// A symbolic link would send the secrets to whatever file it names; idflow refuses it.
test('--env-out naming a symbolic link: exit 2, and the file it points to is untouched', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-env-out-'));
  const victim = join(directory, 'victim.txt');
  writeFileSync(victim, 'keep me\n', { mode: 0o644 });
  const link = join(directory, 'emulator.env');
  symlinkSync(victim, link);
  const run = await runCli(['emulator', '--port', '0', '--env-out', link], { timeoutMs: 30_000 });
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain(`${link} is a symbolic link`);
  expect(readFileSync(victim, 'utf8')).toBe('keep me\n');
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
});
