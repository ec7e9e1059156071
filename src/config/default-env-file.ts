import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The conventional env file of a target (`env/<target>.env`, relative to `cwd`) when it exists,
 * for a CLI that reads it without `--env`; `undefined` otherwise.
 */
export function findDefaultEnvFile(target: string, cwd: string): string | undefined {
  const file = join('env', `${target}.env`);
  return existsSync(join(cwd, file)) ? file : undefined;
}
