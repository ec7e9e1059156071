// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- its package.json names no types to import
/// <reference path="../../node_modules/postman-collection/types/index.d.ts" />
import { createRequire } from 'node:module';
import type * as PostmanCollection from 'postman-collection';

/**
 * Postman's own collection SDK. It is CommonJS whose exports Node cannot name for an ES module,
 * and it ships its type definitions without pointing its package.json at them: both are
 * bridged here, once.
 */
export const { Collection, Url } = createRequire(import.meta.url)(
  'postman-collection',
) as typeof PostmanCollection;
