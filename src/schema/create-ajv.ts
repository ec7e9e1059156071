import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule.default;

/**
 * The one ajv configuration: JSON Schema 2020-12, strict mode (unknown keywords and loose types
 * are schema bugs), every error rather than the first, `verbose` so each error carries the data
 * it is about, and the standard formats (uuid, date-time, uri, email, ...).
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  addFormats(ajv);
  return ajv;
}
