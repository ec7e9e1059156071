import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { childEnvironment } from './child-environment.ts';

const BIN = resolve(PACKAGE_ROOT, 'src/cli/bin.js');
const STDERR_TAIL_BYTES = 4096;
/** Time a run gets to tear down after SIGTERM before it is killed. */
const GRACE_MS = 10_000;

/** How a child `idflow` process ended. */
export interface ChildExit {
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
  readonly stderrTail: string;
}

/**
 * Runs `idflow ARGS` in a child process from `cwd`. After `timeoutMs` it is asked to stop
 * (SIGTERM, so it can tear down what it created) and killed if it has not within a grace period.
 */
export function runIdflowChild(
  args: readonly string[],
  options: { cwd: string; timeoutMs: number },
): Promise<ChildExit> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: childEnvironment(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    const stopTimer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), GRACE_MS);
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(stopTimer);
      fail(error);
    });
    child.on('close', (code) => {
      clearTimeout(stopTimer);
      clearTimeout(killTimer);
      done({ code, timedOut, durationMs: Date.now() - started, stderrTail: stderr });
    });
  });
}
