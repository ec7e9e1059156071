import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import { compileOrder } from './compile-order.ts';
import { AJV_DIALECT, createAjv } from './create-ajv.ts';
import { loadSchemaFiles, type SchemaFile } from './schema-files.ts';
import { SchemaLoadError } from './schema-load-error.ts';
import { SchemaNotFoundError } from './schema-not-found-error.ts';
import { toSchemaProblems } from './to-problems.ts';
import { undeclaredPaths } from './undeclared-paths.ts';
import { loadValidators, saveValidators, VALIDATOR_CACHE, validatorsKey } from './validator-cache.ts';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { AnyValidateFunction } from 'ajv/dist/types/index.js';
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
  /**
   * A folder to keep the compiled validators in (see `validator-cache.ts`): a later registry over
   * the same schemas loads them (~40 ms) instead of compiling (~0.4 s). None: compile each time.
   */
  readonly cache?: string;
}

interface CompiledSchema {
  readonly id: string;
  readonly validate: AnyValidateFunction;
}

/** Compiles every file's schema with one ajv, each after those it references. */
function compileFiles(files: readonly SchemaFile[], ajv: Ajv2020): Map<string, AnyValidateFunction> {
  for (const file of files) {
    try {
      ajv.addSchema(file.schema);
    } catch (error) {
      throw new SchemaLoadError(file.path, error);
    }
  }
  const compiled = new Map<string, AnyValidateFunction>();
  for (const file of compileOrder(files)) {
    let validate: ValidateFunction | undefined;
    try {
      validate = ajv.getSchema(file.id);
    } catch (error) {
      throw new SchemaLoadError(file.path, error);
    }
    if (!validate) throw new SchemaLoadError(file.path, `ajv did not compile ${file.id}`);
    compiled.set(file.name, validate);
  }
  return compiled;
}

/**
 * The files' validators, by name: loaded from `cache` when an earlier process saved them for
 * exactly these schemas, else compiled (and saved there). `compiled` counts what was compiled.
 */
function validatorsOf(
  files: readonly SchemaFile[],
  cache: string | undefined,
): { readonly validators: Map<string, AnyValidateFunction>; readonly compiled: number } {
  if (cache === undefined) {
    const validators = compileFiles(files, createAjv());
    return { validators, compiled: validators.size };
  }
  const key = validatorsKey(
    AJV_DIALECT,
    files.map((file) => file.schema),
  );
  const names = files.map((file) => file.name);
  const loaded = loadValidators(cache, key, names);
  if (loaded) return { validators: loaded, compiled: 0 };
  const ajv = createAjv({ source: true });
  const validators = compileFiles(files, ajv);
  saveValidators(cache, key, ajv, Object.fromEntries(files.map((file) => [file.name, file.id])));
  return { validators, compiled: validators.size };
}

/**
 * Builds a registry over every `*.schema.json` below `options.directory`: loads and compiles
 * each schema exactly once, up front (or loads what an earlier process compiled, see
 * `options.cache`). Throws SchemaLoadError (fault `suite`) naming the file when a schema cannot
 * be parsed, has the wrong `$id`, or does not compile.
 */
export function createSchemaRegistry(options: SchemaRegistryOptions): CountingSchemaRegistry {
  const files = loadSchemaFiles(options.directory);
  const { validators, compiled: compileCount } = validatorsOf(files, options.cache);
  const compiled = new Map<string, CompiledSchema>(
    files.map((file) => [file.name, { id: file.id, validate: validators.get(file.name)! }]),
  );
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
    compileCount: () => compileCount,
  };
}

let shared: SchemaRegistry | undefined;

/** The project's `schemas/` folder, found from the package root rather than the cwd. */
export function defaultSchemaDirectory(): string {
  return resolve(PACKAGE_ROOT, 'schemas');
}

/**
 * The process-wide registry over the project's `schemas/`: built on first use (every schema
 * loaded, and compiled once for all processes: see `validator-cache.ts`), then shared. Throws SchemaLoadError naming the file for a broken
 * schema.
 */
export function schemaRegistry(): SchemaRegistry {
  shared ??= createSchemaRegistry({ directory: defaultSchemaDirectory(), cache: VALIDATOR_CACHE });
  return shared;
}
