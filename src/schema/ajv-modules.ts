import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import type * as AjvEntry from 'ajv';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type AddFormatsModule from 'ajv-formats';
import type StandaloneModule from 'ajv/dist/standalone/index.js';

/** ajv's compilers, ajv-formats and ajv's standalone code generator. */
export interface AjvModules {
  readonly Ajv2020: typeof Ajv2020Module.Ajv2020;
  /** The draft-07 class. */
  readonly Ajv: typeof AjvEntry.Ajv;
  readonly addFormats: typeof AddFormatsModule.default;
  readonly standaloneCode: typeof StandaloneModule.default;
}

const requireFromPackage = createRequire(join(PACKAGE_ROOT, 'package.json'));

let modules: AjvModules | undefined;

/**
 * ajv, loaded on first use: a process whose validators were compiled by an earlier one (see
 * `validator-cache.ts`) never loads ajv's compiler (~55 ms of its start-up), only the few runtime
 * files the compiled code requires.
 */
export function ajvModules(): AjvModules {
  modules ??= {
    Ajv2020: (requireFromPackage('ajv/dist/2020.js') as typeof Ajv2020Module).Ajv2020,
    Ajv: (requireFromPackage('ajv') as typeof AjvEntry).Ajv,
    addFormats: (requireFromPackage('ajv-formats') as typeof AddFormatsModule).default,
    standaloneCode: (requireFromPackage('ajv/dist/standalone/index.js') as typeof StandaloneModule).default,
  };
  return modules;
}
