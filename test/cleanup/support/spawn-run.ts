import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnvironment } from '../../../src/selftest/child-environment.ts';
import { onTestFinished } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../../src/cli/bin.js');

/** A running `idflow` child the test can signal; it never outlives the test. */
export interface SpawnedCli {
  readonly child: ChildProcess;
  readonly directory: string;
  output(): string;
  readonly exited: Promise<{ code: number | null; output: string }>;
}

/** Writes the emulator's variables to `<dir>/emulator.env` and returns the path. */
export function writeEnv(
  directory: string,
  env: Record<string, string>,
  extra: Record<string, string> = {},
): string {
  const file = join(directory, 'emulator.env');
  writeFileSync(
    file,
    Object.entries({ ...env, ...extra })
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  );
  return file;
}

/** Starts `idflow ARGS` in a fresh temporary directory, inheriting no target, IDFLOW_ or VITEST variables. */
export function spawnCli(
  args: readonly string[],
  directory: string = mkdtempSync(join(tmpdir(), 'idflow-cleanup-')),
): SpawnedCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: directory,
    env: childEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; output: string }>((done) =>
    child.on('close', (code) => done({ code, output })),
  );
  // SIGTERM first: `idflow run` forwards it to its vitest process group; SIGKILL if it lingers.
  onTestFinished(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  return { child, directory, output: () => output, exited };
}

/** Resolves once the run has printed `text`; fails, with what it printed, when it exits first. */
export async function untilOutput(run: SpawnedCli, text: string): Promise<void> {
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null || run.child.signalCode !== null)
      throw new Error(`exited before printing "${text}":\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
