import { existsSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENTRY_FILE, buildBundle } from './build-bundle.js';
import { cacheFolders, prepare, trusted } from './cache-folders.js';
import { pruneBundles } from './prune-bundles.js';
import { sourceKey } from './source-key.js';

/** @typedef {(argv: readonly string[]) => Promise<number>} Main */

/**
 * Start-up's own story, on stderr (stdout is parsed), when `IDFLOW_DEBUG` is set.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} text
 */
function debug(env, text) {
  if (env.IDFLOW_DEBUG) process.stderr.write(`idflow: ${text}\n`);
}

/** @param {unknown} error */
function reason(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The bundle for `key` already in one of the folders; marked as used now, so pruning spares it.
 * @param {import('./cache-folders.js').CacheFolder[]} folders
 * @param {string} key
 */
function existingBundle(folders, key) {
  for (const folder of folders) {
    const entry = join(folder.path, key, ENTRY_FILE);
    if (!existsSync(entry) || !trusted(folder)) continue;
    try {
      const now = new Date();
      utimesSync(dirname(entry), now, now);
    } catch {
      // A read-only cache: the bundle may be pruned sooner, nothing worse.
    }
    return entry;
  }
  return undefined;
}

/**
 * Builds the bundle in the first folder that can hold it, then prunes that folder. Undefined
 * when no folder can; throws when the build fails.
 * @param {string} root
 * @param {import('./cache-folders.js').CacheFolder[]} folders
 * @param {string} key
 * @param {NodeJS.ProcessEnv} env
 */
async function newBundle(root, folders, key, env) {
  for (const folder of folders) {
    try {
      prepare(folder);
    } catch (error) {
      debug(env, `cannot keep a bundle in ${folder.path}: ${reason(error)}`);
      continue;
    }
    const startedAt = performance.now();
    const entry = await buildBundle(root, folder.path, key);
    debug(env, `built ${dirname(entry)} in ${Math.round(performance.now() - startedAt)} ms`);
    try {
      pruneBundles(folder.path);
    } catch {
      // Best effort: another process may be pruning the same folder.
    }
    return entry;
  }
  return undefined;
}

/**
 * The bundle's entry file for the sources as they are now: found, or built.
 * @param {string} root
 * @param {NodeJS.ProcessEnv} env
 */
async function currentBundle(root, env) {
  const startedAt = performance.now();
  const key = sourceKey(root);
  debug(env, `sources checked in ${(performance.now() - startedAt).toFixed(1)} ms`);
  const folders = cacheFolders(root, env);
  return existingBundle(folders, key) ?? (await newBundle(root, folders, key, env));
}

/**
 * The bundle's `main`; undefined if the bundle cannot be loaded. A bundle whose dependency moved
 * since it was built, or with a part missing, is removed: the next launch builds it afresh.
 * @param {string} entry
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<Main | undefined>}
 */
async function importMain(entry, env) {
  try {
    const { main } = await import(pathToFileURL(entry).href);
    debug(env, `running ${dirname(entry)}`);
    return main;
  } catch (error) {
    debug(env, `${dirname(entry)} is broken (${reason(error)}): running the sources through tsx`);
    if (error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND') {
      try {
        rmSync(dirname(entry), { recursive: true, force: true });
      } catch {
        // Then it stays broken, and every launch runs the sources.
      }
    }
    return undefined;
  }
}

/**
 * The CLI's `main` from one esbuild bundle of src/cli/main.ts, built on first launch and kept in
 * a cache folder under a key of the sources (src/, package.json, the installed dependencies),
 * so that a launch loads a few files rather than ~400 modules through tsx. Undefined when no
 * bundle can be had (no esbuild, a failed build, no writable folder, a broken bundle), or when
 * `IDFLOW_EXTRA_TARGETS` names TypeScript modules that import the sources: the caller then runs
 * the sources through tsx. Never throws.
 * @param {string} root the idflow package folder
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<Main | undefined>}
 */
export async function bundledMain(root, env = process.env) {
  // Their modules must share the CLI's module instances (its secrets, its registries).
  if (env.IDFLOW_EXTRA_TARGETS) {
    debug(env, 'IDFLOW_EXTRA_TARGETS is set: running the sources through tsx');
    return undefined;
  }
  let entry;
  try {
    entry = await currentBundle(root, env);
  } catch (error) {
    debug(env, `no bundle (${reason(error)}): running the sources through tsx`);
    return undefined;
  }
  if (entry === undefined) {
    debug(env, 'no writable cache folder: running the sources through tsx');
    return undefined;
  }
  return importMain(entry, env);
}
