import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The idflow package folder (holds vitest.config.ts, suites/, schemas/), whatever the cwd. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
