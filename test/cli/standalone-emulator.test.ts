import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const BIN = resolve(import.meta.dirname, '../../src/cli/bin.js');

/** Starts `idflow emulator` as a user would and resolves once it says where it listens. */
function startEmulatorProcess(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  const ready = new Promise<string>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('wrote ')) done(output);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`emulator exited early (${code}): ${output}`)));
  });
  const stopped = new Promise<{ code: number | null; output: string }>((done) =>
    child.on('exit', (code) => done({ code, output })),
  );
  return { child, ready, stopped };
}

// PingOne is run the README's way, without --target: the env file selects the target.
const cases = [
  {
    target: 'pingone',
    secretVariable: 'PINGONE_CLIENT_SECRET',
    urlVariable: 'PINGONE_API_URL',
    run: (file: string) => ['run', '--env', file],
  },
  {
    target: 'lerian-identity',
    secretVariable: 'LERIAN_CLIENT_SECRET',
    urlVariable: 'LERIAN_IDENTITY_URL',
    run: (file: string) => ['run', '--target', 'lerian-identity', '--env', file],
  },
];

test.each(cases)(
  '$target: idflow emulator --env-out, then idflow run --env FILE: green, and no secret printed',
  async ({ target, secretVariable, urlVariable, run: runArgs }) => {
    const directory = mkdtempSync(join(tmpdir(), 'idflow-standalone-'));
    const envFile = join(directory, 'emulator.env');
    const secret = `standalone-client-secret-5c1f-${target}`;
    const emulator = startEmulatorProcess([
      '--target',
      target,
      '--port',
      '0',
      '--env-out',
      envFile,
      '--client-secret',
      secret,
      '--token-ttl',
      '600',
    ]);
    // Whatever happens below, the child must not outlive the test.
    onTestFinished(() => {
      if (emulator.child.exitCode === null) emulator.child.kill('SIGKILL');
    });
    const banner = await emulator.ready;
    expect(banner).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(banner).not.toContain(secret);

    const written = readFileSync(envFile, 'utf8');
    expect(written).toContain(`${secretVariable}="${secret}"`);
    expect(written).toMatch(new RegExp(`${urlVariable}="http://127\\.0\\.0\\.1:\\d+`));
    expect(statSync(envFile).mode & 0o077).toBe(0);

    const run = await runCli(runArgs(envFile));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toMatch(/: [1-9]\d* passed, 0 failed, \d+ skipped/);
    expect(run.stdout + run.stderr).not.toContain(secret);

    emulator.child.kill('SIGTERM');
    const { code, output } = await emulator.stopped;
    expect(code).toBe(0);
    expect(output).toContain('stopped (SIGTERM)');
  },
);
