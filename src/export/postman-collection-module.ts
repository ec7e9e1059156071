// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- its package.json names no types to import
/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type * as PostmanCollection from 'postman-collection';
import { PACKAGE_ROOT } from '../package-root.ts';

/**
 * Postman's own collection SDK. It is CommonJS whose exports Node cannot name for an ES module,
 * and it ships its type definitions without pointing its package.json at them: both are
 * bridged here, once. Required from the package root, not this module's URL: in the bundled
 * CLI that URL is the bundle's, in a cache folder that may have no node_modules above it.
 */
export const { Collection, Url } = createRequire(resolve(PACKAGE_ROOT, 'package.json'))(
  'postman-collection',
) as typeof PostmanCollection;
