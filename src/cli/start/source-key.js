import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** @param {import('node:crypto').Hash} hash @param {string} path */
function stamp(hash, path) {
  const stats = statSync(path, { throwIfNoEntry: false });
  hash.update(stats ? `${path}\0${stats.size}\0${stats.mtimeMs}\n` : `${path}\0-\n`);
}

/** @param {import('node:crypto').Hash} hash @param {string} folder */
function stampTree(hash, folder) {
  const entries = readdirSync(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) stampTree(hash, path);
    else stamp(hash, path);
  }
}

/**
 * npm's record of what is installed where the package's dependencies are: its own node_modules
 * in a clone, its parent's once installed as a dependency. npm rewrites it on every install.
 * @param {string} root
 */
function installRecord(root) {
  for (let folder = root; ; folder = dirname(folder)) {
    const record =
      basename(folder) === 'node_modules'
        ? join(folder, '.package-lock.json')
        : join(folder, 'node_modules', '.package-lock.json');
    if (statSync(record, { throwIfNoEntry: false })) return record;
    if (dirname(folder) === folder) return undefined;
  }
}

/**
 * A key that changes whenever the bundle of the CLI would: the path, size and modification time
 * of every file under `src/` (stat, not contents: ~10 ms for ~500 files against ~20 ms to hash
 * them), package.json, tsconfig.json (how TypeScript is compiled), the install record (the
 * bundle names its dependencies' files), and the package's own folder (the bundle names it too).
 * @param {string} root the idflow package folder
 * @returns {string}
 */
export function sourceKey(root) {
  const hash = createHash('sha256');
  hash.update(`${root}\n`);
  hash.update(readFileSync(join(root, 'package.json')));
  stamp(hash, join(root, 'tsconfig.json'));
  const record = installRecord(root);
  if (record) stamp(hash, record);
  stampTree(hash, join(root, 'src'));
  return hash.digest('hex').slice(0, 24);
}
