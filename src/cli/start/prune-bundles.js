import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** How many of the most recently used bundles are always kept. */
const KEEP = 3;
/**
 * An older bundle is removed only once unused for this long: a run still going may yet import
 * its lazily loaded parts (a target's cleanup, at the end), and runs may last hours.
 */
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;
/** A build folder this old was left by a process that died while building. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Removes old bundles from the cache folder (a bundle's folder time is its last use), and
 * build folders abandoned. Best effort: a bundle that cannot be removed stays.
 * @param {string} cache
 * @param {number} [now]
 */
export function pruneBundles(cache, now = Date.now()) {
  const folders = readdirSync(cache, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const path = join(cache, entry.name);
      return { path, building: entry.name.startsWith('.'), usedAt: statSync(path).mtimeMs };
    });
  const bundles = folders.filter((folder) => !folder.building).sort((a, b) => b.usedAt - a.usedAt);
  const stale = [
    ...bundles.slice(KEEP).filter((bundle) => now - bundle.usedAt > UNUSED_FOR_MS),
    ...folders.filter((folder) => folder.building && now - folder.usedAt > ABANDONED_AFTER_MS),
  ];
  for (const folder of stale) rmSync(folder.path, { recursive: true, force: true });
}
