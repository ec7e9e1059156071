import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { childEnvironment } from '../../src/selftest/child-environment.ts';

const BIN = resolve(import.meta.dirname, '../../src/cli/bin.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `idflow` command in a child process, with no target's variables and no IDFLOW_*
 * variable inherited from the developer's shell unless the test passes them (as the self-test runs it).
 * `bin` runs another copy of the command (a copy of the package).
 */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number; bin?: string } = {},
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
      cwd: options.cwd ?? resolve(import.meta.dirname, '../..'),
      env: { ...childEnvironment(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`idflow ${args.join(' ')} did not finish in time\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
