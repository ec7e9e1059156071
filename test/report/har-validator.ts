import { createRequire } from 'node:module';
import { Ajv, type AnySchemaObject, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule.default;
const require = createRequire(import.meta.url);

/** har-schema: the HAR 1.2 JSON Schemas har-validator used, one per object, `$id` `<name>.json#`. */
const HAR_SCHEMAS = require('har-schema') as Record<string, AnySchemaObject>;
const DRAFT_06 = require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject;

function compileHarValidator() {
  // strict: false only for har-schema's own loose spots: `min` where it means `minimum`, `optional`
  // and `unique` (not JSON Schema keywords, ignored as har-validator's ajv ignored them), and
  // `required` on an array. Everything JSON Schema says (required, types, formats) is enforced.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(DRAFT_06);
  addFormats(ajv);
  for (const schema of Object.values(HAR_SCHEMAS)) ajv.addSchema(schema);
  const validate = ajv.getSchema('har.json#');
  if (!validate) throw new Error('har-schema has no har.json# schema');
  return validate;
}

const validateHar = compileHarValidator();

/** The errors a HAR has against HAR 1.2 (har-schema), none when it is valid. */
export function harErrors(har: unknown): ErrorObject[] {
  return validateHar(har) ? [] : [...(validateHar.errors ?? [])];
}
