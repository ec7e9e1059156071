import { accessSync, constants, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Overrides the package's own cache folder (tests, a read-only install). */
export const BUILD_CACHE_VARIABLE = 'IDFLOW_BUILD_CACHE';

/**
 * @typedef {object} CacheFolder
 * @property {string} path
 * @property {boolean} shared in a folder other users can write to: used only if it is this user's own
 */

/**
 * Where bundles of the CLI may be kept, best first: `IDFLOW_BUILD_CACHE` or the package's
 * `node_modules/.cache/idflow`, then a folder of this user's own under the system's temp folder.
 * @param {string} root the idflow package folder
 * @param {NodeJS.ProcessEnv} env
 * @returns {CacheFolder[]}
 */
export function cacheFolders(root, env) {
  const user = process.getuid?.() ?? 'user';
  return [
    { path: env[BUILD_CACHE_VARIABLE] || join(root, 'node_modules', '.cache', 'idflow'), shared: false },
    { path: join(tmpdir(), `idflow-build-cache-${user}`), shared: true },
  ];
}

/**
 * Whether code found in the folder may run: in a shared place, only from a real folder this
 * user owns that nobody else can write to (anyone could have created it first).
 * @param {CacheFolder} folder
 */
export function trusted(folder) {
  if (!folder.shared) return true;
  const stats = lstatSync(folder.path, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) return false;
  return (process.getuid === undefined || stats.uid === process.getuid()) && (stats.mode & 0o022) === 0;
}

/**
 * Creates the folder if need be; throws when it cannot be used (not writable, not trusted).
 * @param {CacheFolder} folder
 */
export function prepare(folder) {
  if (folder.shared) {
    if (!lstatSync(folder.path, { throwIfNoEntry: false })) mkdirSync(folder.path, { mode: 0o700 });
  } else {
    mkdirSync(folder.path, { recursive: true });
  }
  if (!trusted(folder)) throw new Error(`${folder.path} is not a folder of this user's alone`);
  accessSync(folder.path, constants.W_OK);
}
