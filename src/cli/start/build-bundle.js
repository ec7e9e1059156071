import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The bundle's entry file, in its folder. */
export const ENTRY_FILE = 'main.mjs';

/**
 * Bare imports (the dependencies) stay imports, but of the files they resolve to from the
 * package: a bundle in a temp folder has no node_modules above it to look them up in.
 * @type {import('esbuild').Plugin}
 */
const dependenciesFromThePackage = {
  name: 'idflow-dependencies-from-the-package',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      try {
        return { path: import.meta.resolve(args.path), external: true };
      } catch {
        // Not installed (an optional dependency): fails, or not, where it is imported, as it would unbundled.
        return { path: args.path, external: true };
      }
    });
  },
};

/**
 * Bundles src/cli/main.ts with its modules into `folder`: ES modules (`.mjs`, whatever
 * package.json is above), one chunk per group of lazily imported modules so that what a command
 * imports lazily stays lazy, class and function names kept (errors are named after their class),
 * no source maps (stack traces are not shown to users).
 * @param {string} root the idflow package folder
 * @param {string} folder an empty folder
 */
async function bundleInto(root, folder) {
  const esbuild = await import('esbuild');
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: { main: join(root, 'src', 'cli', 'main.ts') },
      outdir: folder,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      plugins: [dependenciesFromThePackage],
      keepNames: true,
      define: { __IDFLOW_PACKAGE_ROOT__: JSON.stringify(root) },
      logLevel: 'silent',
    });
  } finally {
    // Its service process would otherwise idle for as long as the run lasts.
    await esbuild.stop();
  }
}

/**
 * Builds the bundle for `key` in a folder of its own, then renames that folder into place, so
 * that a process launched meanwhile finds either the whole bundle or none. When several
 * processes build at once, the first rename wins and the others use its bundle.
 * @param {string} root the idflow package folder
 * @param {string} cache a writable cache folder
 * @param {string} key the sources' key
 * @returns {Promise<string>} the bundle's entry file
 */
export async function buildBundle(root, cache, key) {
  const target = join(cache, key);
  const building = mkdtempSync(join(cache, '.building-'));
  try {
    await bundleInto(root, building);
    try {
      renameSync(building, target);
    } catch (error) {
      if (!existsSync(join(target, ENTRY_FILE))) throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return join(target, ENTRY_FILE);
}
