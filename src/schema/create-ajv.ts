import { ajvModules } from './ajv-modules.ts';
import type { Ajv2020 } from 'ajv/dist/2020.js';

/** {@link createAjv}'s configuration, in words: part of a cached validator's key. */
export const AJV_DIALECT = 'Ajv2020 strict allErrors verbose ajv-formats';

/**
 * The one ajv configuration: JSON Schema 2020-12, strict mode (unknown keywords and loose types
 * are schema bugs), every error rather than the first, `verbose` so each error carries the data
 * it is about, and the standard formats (uuid, date-time, uri, email, ...). `source` keeps each
 * validator's code, for ajv's standalone code (see `validator-cache.ts`).
 */
export function createAjv(options: { readonly source?: boolean } = {}): Ajv2020 {
  const { Ajv2020, addFormats } = ajvModules();
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    verbose: true,
    ...(options.source ? { code: { source: true } } : {}),
  });
  addFormats(ajv);
  return ajv;
}
