import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { compileOrder } from './compile-order.ts';
import { createAjv } from './create-ajv.ts';
import { loadSchemaFiles } from './schema-files.ts';
import { SchemaLoadError } from './schema-load-error.ts';
import { SchemaNotFoundError } from './schema-not-found-error.ts';
import { toSchemaProblems } from './to-problems.ts';
import { undeclaredPaths } from './undeclared-paths.ts';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { SchemaResult } from './schema-result.ts';

/** Validates values against named schemas, each compiled once when the registry is built. */
export interface SchemaRegistry {
  /**
   * Validates `value` against the schema named `name` (short form: `acme/user`).
   * Throws SchemaNotFoundError (fault `suite`) for an unknown name.
   */
  validate(name: string, value: unknown): SchemaResult;
  has(name: string): boolean;
  /**
   * The places in `value` that none of the named schemas declares (drift): JSON pointers with
   * array indices written `*`, each once. Throws SchemaNotFoundError for an unknown name.
   */
  undeclared(names: readonly string[], value: unknown): string[];
  /** Every schema name, sorted. */
  names(): string[];
}

/** A registry that also reports how many schemas it compiled, so tests can pin "once each". */
export interface CountingSchemaRegistry extends SchemaRegistry {
  compileCount(): number;
}

export interface SchemaRegistryOptions {
  /** Folder holding `<target>/<name>.schema.json` files. */
  readonly directory: string;
}

interface CompiledSchema {
  readonly id: string;
  readonly validate: ValidateFunction;
}

/**
 * Builds a registry over every `*.schema.json` below `options.directory`: loads and compiles
 * each schema exactly once, up front. Throws SchemaLoadError (fault `suite`) naming the file when
 * a schema cannot be parsed, has the wrong `$id`, or does not compile.
 */
export function createSchemaRegistry(options: SchemaRegistryOptions): CountingSchemaRegistry {
  const files = loadSchemaFiles(options.directory);
  const ajv = createAjv();
  for (const file of files) {
    try {
      ajv.addSchema(file.schema);
    } catch (error) {
      throw new SchemaLoadError(file.path, error);
    }
  }
  const compiled = new Map<string, CompiledSchema>();
  for (const file of compileOrder(files)) {
    let validate: ValidateFunction | undefined;
    try {
      validate = ajv.getSchema(file.id);
    } catch (error) {
      throw new SchemaLoadError(file.path, error);
    }
    if (!validate) throw new SchemaLoadError(file.path, `ajv did not compile ${file.id}`);
    compiled.set(file.name, { id: file.id, validate });
  }
  const names = [...compiled.keys()].sort();
  const documents = new Map(files.map((file) => [file.id, file.schema]));

  return {
    validate(name, value) {
      const schema = compiled.get(name);
      if (!schema) throw new SchemaNotFoundError(name, names);
      if (schema.validate(value)) return { valid: true };
      return { valid: false, schemaId: schema.id, problems: toSchemaProblems(schema.validate.errors) };
    },
    has: (name) => compiled.has(name),
    undeclared(wanted, value) {
      const ids = wanted.map((name) => {
        const schema = compiled.get(name);
        if (!schema) throw new SchemaNotFoundError(name, names);
        return schema.id;
      });
      return undeclaredPaths(value, ids, (id) => documents.get(id));
    },
    names: () => [...names],
    compileCount: () => compiled.size,
  };
}

let shared: SchemaRegistry | undefined;

/** The project's `schemas/` folder, found from the package root rather than the cwd. */
export function defaultSchemaDirectory(): string {
  return resolve(PACKAGE_ROOT, 'schemas');
}

/**
 * The process-wide registry over the project's `schemas/`: built on first use (every schema
 * loaded and compiled once), then shared. Throws SchemaLoadError naming the file for a broken
 * schema.
 */
export function schemaRegistry(): SchemaRegistry {
  shared ??= createSchemaRegistry({ directory: defaultSchemaDirectory() });
  return shared;
}
