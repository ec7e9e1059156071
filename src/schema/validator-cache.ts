import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { compileFunction } from 'node:vm';
import { PACKAGE_ROOT } from '../package-root.ts';
import { ajvModules, type AjvModules } from './ajv-modules.ts';
import type { AnyValidateFunction } from 'ajv/dist/types/index.js';

/**
 * Where compiled validators are kept between processes: beside the package's dependencies, as
 * trusted as they are. A folder that cannot be written keeps nothing: each process compiles.
 */
export const VALIDATOR_CACHE = join(PACKAGE_ROOT, 'node_modules', '.cache', 'idflow-validators');

/** How many of the most recently saved files are always kept. */
const KEEP = 4;
/** An older file is removed once unused for this long (a run may still load it). */
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;

const requireFromPackage = createRequire(join(PACKAGE_ROOT, 'package.json'));

function version(name: string): string {
  return (requireFromPackage(`${name}/package.json`) as { version: string }).version;
}

/**
 * The key of the validators of `schemas` compiled by an ajv configured as `dialect` says (its
 * class and options): any change to a schema, to the configuration or to ajv's or ajv-formats'
 * version gives another key, so a saved file can never be stale.
 */
export function validatorsKey(dialect: string, schemas: readonly unknown[]): string {
  const hash = createHash('sha256');
  hash.update(`ajv ${version('ajv')}\najv-formats ${version('ajv-formats')}\n${dialect}\n`);
  for (const schema of schemas) hash.update(`${JSON.stringify(schema)}\n`);
  return hash.digest('hex').slice(0, 32);
}

function cacheFile(folder: string, key: string): string {
  return join(folder, `validators-${key}.cjs`);
}

/**
 * The validators saved under `key`, by name, when a file holds exactly `names`; undefined when
 * none was saved or it cannot be used (unreadable, cut short, other names): the caller compiles.
 * The file is ajv's own standalone code; its `require`s resolve from the package.
 */
export function loadValidators(
  folder: string,
  key: string,
  names: readonly string[],
): Map<string, AnyValidateFunction> | undefined {
  const file = cacheFile(folder, key);
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const module = { exports: {} as Record<string, unknown> };
  try {
    compileFunction(code, ['require', 'module', 'exports'], { filename: file })(
      requireFromPackage,
      module,
      module.exports,
    );
  } catch {
    return undefined;
  }
  const validators = new Map<string, AnyValidateFunction>();
  for (const name of names) {
    const validate = module.exports[name];
    if (typeof validate !== 'function') return undefined;
    validators.set(name, validate as AnyValidateFunction);
  }
  // ajv also exports data beside the functions (a lone validator's `evaluated`).
  const functions = Object.values(module.exports).filter((value) => typeof value === 'function');
  if (functions.length !== names.length) return undefined;
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // A read-only cache: the file may be pruned sooner, nothing worse.
  }
  return validators;
}

/** Removes files beyond the {@link KEEP} most recently used that nobody used for a day. */
function prune(folder: string, now: number): void {
  const files = readdirSync(folder)
    .filter((name) => name.startsWith('validators-') || name.startsWith('.saving-'))
    .map((name) => ({ path: join(folder, name), usedAt: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.usedAt - a.usedAt);
  for (const file of files.slice(KEEP))
    if (now - file.usedAt > UNUSED_FOR_MS) rmSync(file.path, { force: true });
}

/**
 * Saves the standalone code of the schemas `exports` names (name → `$id`), or of one validator,
 * compiled by `ajv` (made with `code.source`), under `key`: written to a file of its own, then renamed into place, so a
 * process loading meanwhile finds the whole file or none. Best effort: a folder that cannot be
 * written keeps nothing, and the run goes on with what it compiled.
 */
export function saveValidators(
  folder: string,
  key: string,
  ajv: Parameters<AjvModules['standaloneCode']>[0],
  exports: Readonly<Record<string, string>> | AnyValidateFunction,
): void {
  try {
    mkdirSync(folder, { recursive: true });
    const saving = join(folder, `.saving-${process.pid}-${key}`);
    writeFileSync(
      saving,
      ajvModules().standaloneCode(ajv, typeof exports === 'function' ? exports : { ...exports }),
    );
    renameSync(saving, cacheFile(folder, key));
    prune(folder, Date.now());
  } catch {
    // Read-only, full, or raced by another process's prune: the next process compiles again.
  }
}

/** What {@link cachedValidator} needs of an ajv instance (any of ajv's classes). */
type CompilingAjv = Parameters<AjvModules['standaloneCode']>[0];

/**
 * One schema's validator: loaded from `cache` when an earlier process saved it for this schema and
 * `dialect` (the ajv class and options `makeAjv` uses), else compiled by a fresh `makeAjv(true)`
 * (an ajv made with `code.source`) and saved. A schema ajv refuses throws as `compile` would.
 */
export function cachedValidator(
  dialect: string,
  schema: object,
  makeAjv: (source: boolean) => CompilingAjv,
  cache: string = VALIDATOR_CACHE,
): AnyValidateFunction {
  const key = validatorsKey(dialect, [schema]);
  // ajv's standalone code of one function exports it as `default` too.
  const loaded = loadValidators(cache, key, ['default'])?.get('default');
  if (loaded) return loaded;
  const ajv = makeAjv(true);
  const validate = ajv.compile(schema);
  saveValidators(cache, key, ajv, validate);
  return validate;
}
