import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../../src/package-root.ts';

/** The two tools the benchmark compares. */
export type ToolName = 'idflow' | 'newman';

/** A command line: the program and its arguments. */
export interface ToolCommand {
  readonly tool: ToolName;
  readonly command: string;
  readonly args: readonly string[];
}

/** The `idflow` command, as `npx idflow` runs it. */
export const IDFLOW_BIN = resolve(PACKAGE_ROOT, 'src/cli/bin.js');
/** Newman's own CLI script, run as its own process. */
export const NEWMAN_BIN = resolve(PACKAGE_ROOT, 'node_modules/newman/bin/newman.js');

/** `idflow run --target T --env FILE`, with its default reporter. */
export function idflowRun(target: string, envFile: string): ToolCommand {
  return {
    tool: 'idflow',
    command: process.execPath,
    args: [IDFLOW_BIN, 'run', '--target', target, '--env', envFile],
  };
}

/** `newman run COLLECTION -e ENVIRONMENT --reporters cli` (no colour: its output goes to a file). */
export function newmanRun(collectionFile: string, environmentFile: string): ToolCommand {
  return {
    tool: 'newman',
    command: process.execPath,
    args: [NEWMAN_BIN, 'run', collectionFile, '-e', environmentFile, '--reporters', 'cli', '--color', 'off'],
  };
}

const execFileAsync = promisify(execFile);

/**
 * Runs `idflow ARGS` to its end, unmeasured, without blocking this process's event loop (the
 * emulator it talks to answers from here); rejects, with its output, when it exits non-zero.
 */
export async function idflowCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, [IDFLOW_BIN, ...args], { env });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: unknown };
    throw new Error(
      `idflow ${args.join(' ')} exited ${String(failed.code)}\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
    );
  }
}

/**
 * `idflow export --target T --format postman --env FILE --out DIR`; returns the collection's and
 * the environment's paths.
 */
export async function exportPostman(
  target: string,
  envFile: string,
  outDir: string,
  env: NodeJS.ProcessEnv,
): Promise<{ readonly collectionFile: string; readonly environmentFile: string }> {
  await idflowCommand(
    ['export', '--target', target, '--format', 'postman', '--env', envFile, '--out', outDir],
    env,
  );
  return {
    collectionFile: join(outDir, `${target}.postman_collection.json`),
    environmentFile: join(outDir, `${target}.postman_environment.json`),
  };
}

/** Newman's version, from its package.json. */
export function newmanVersion(): string {
  const manifest = createRequire(import.meta.url)(resolve(PACKAGE_ROOT, 'node_modules/newman/package.json'));
  return (manifest as { version?: string }).version ?? 'unknown';
}
