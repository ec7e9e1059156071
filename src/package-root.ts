import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Replaced by the package root when src/cli/start/build-bundle.js bundles the CLI: there this
// module's URL is the bundle's, which lives in a cache folder. Undeclared (hence `typeof`) when
// the sources run as they are, under tsx or vitest.
declare const __IDFLOW_PACKAGE_ROOT__: string | undefined;

/**
 * The idflow package folder (holds vitest.config.ts, suites/, schemas/), whatever the cwd and
 * wherever the bundled CLI runs from. Every path into the package derives from it: no other
 * module reads `import.meta.url`.
 */
export const PACKAGE_ROOT =
  typeof __IDFLOW_PACKAGE_ROOT__ === 'string'
    ? __IDFLOW_PACKAGE_ROOT__
    : resolve(dirname(fileURLToPath(import.meta.url)), '..');
