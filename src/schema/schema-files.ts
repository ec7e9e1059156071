import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { SchemaLoadError } from './schema-load-error.ts';
import type { AnySchemaObject } from 'ajv/dist/2020.js';

/** Every schema's `$id` is this base plus its path under the schema directory. */
export const SCHEMA_ID_BASE = 'https://idflow.dev/schemas/';
const SUFFIX = '.schema.json';

/** One parsed schema file. */
export interface SchemaFile {
  /** Short name: the path under the directory without `.schema.json`, e.g. `acme/user`. */
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly schema: AnySchemaObject;
}

/** The `$id` a schema with this short name must declare. */
export function schemaIdFor(name: string): string {
  return `${SCHEMA_ID_BASE}${name}${SUFFIX}`;
}

function listSchemaPaths(directory: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(directory, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    throw new SchemaLoadError(directory, error);
  }
  return entries.filter((entry) => entry.endsWith(SUFFIX)).sort();
}

function parseSchema(path: string): AnySchemaObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SchemaLoadError(path, error);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SchemaLoadError(path, 'the file must hold one JSON object');
  }
  return parsed;
}

/**
 * Reads and parses every `*.schema.json` below `directory`, sorted by name, and checks that each
 * declares the `$id` its location implies, so that relative `$ref`s resolve to the sibling files.
 */
export function loadSchemaFiles(directory: string): SchemaFile[] {
  return listSchemaPaths(directory).map((entry) => {
    const path = join(directory, entry);
    const name = entry.split(sep).join('/').slice(0, -SUFFIX.length);
    const schema = parseSchema(path);
    const id = schemaIdFor(name);
    if (schema.$id !== id) {
      throw new SchemaLoadError(path, `"$id" is ${JSON.stringify(schema.$id)} but must be "${id}"`);
    }
    return { name, path, id, schema };
  });
}
