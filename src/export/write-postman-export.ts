import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors/config-error.ts';
import { replaceFile } from '../files/replace-file.ts';
import { buildCollection } from './build-collection.ts';
import { buildEnvironment } from './build-environment.ts';
import type { SchemaFile } from '../schema/schema-files.ts';
import type { ExportVariable, PostmanExportPlan } from './export-plan.ts';

/** What `idflow export --format postman` writes, and where. */
export interface PostmanExportRequest {
  readonly target: string;
  readonly title: string;
  readonly plan: PostmanExportPlan<never>;
  readonly variables: readonly ExportVariable[];
  readonly schemas: readonly SchemaFile[];
  readonly outDir: string;
}

/** The files written, and what they hold (counts only: never a value). */
export interface PostmanExportResult {
  readonly collectionFile: string;
  readonly environmentFile: string;
  readonly requests: number;
  readonly folders: number;
  readonly filled: number;
}

/** Makes `dir` if need be and proves it a writable folder, else ConfigError naming --out. */
function writableFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new ConfigError({
      code: 'CONFIG_FILE',
      file: dir,
      message:
        `--out ${dir} is not a folder idflow can write to ` +
        `(${(error as NodeJS.ErrnoException).code ?? 'not writable'}). Choose a writable folder.`,
      cause: error,
    });
  }
}

function countRequests(items: unknown): number {
  if (!Array.isArray(items)) return 0;
  return items.reduce<number>((sum, item: { item?: unknown; request?: unknown }) => {
    return sum + (item.request ? 1 : 0) + countRequests(item.item);
  }, 0);
}

/**
 * Writes `<target>.postman_collection.json` and `<target>.postman_environment.json` into
 * `outDir`, each replaced whole; the environment (which may hold secrets) readable by its owner
 * only when it holds a secret value.
 */
export function writePostmanExport(request: PostmanExportRequest): PostmanExportResult {
  writableFolder(request.outDir);
  const collection = buildCollection(request);
  const environment = buildEnvironment(`${request.title} (idflow)`, request.variables);
  const collectionFile = join(request.outDir, `${request.target}.postman_collection.json`);
  const environmentFile = join(request.outDir, `${request.target}.postman_environment.json`);
  const holdsSecret = request.variables.some((variable) => variable.secret && variable.value !== '');
  replaceFile(collectionFile, `${JSON.stringify(collection, null, 2)}\n`, {
    mode: 0o644,
    option: '--out',
    what: 'the Postman collection',
  });
  replaceFile(environmentFile, `${JSON.stringify(environment, null, 2)}\n`, {
    mode: holdsSecret ? 0o600 : 0o644,
    option: '--out',
    what: 'the Postman environment',
  });
  const folders = Array.isArray(collection.item) ? collection.item.length : 0;
  return {
    collectionFile,
    environmentFile,
    requests: countRequests(collection.item),
    folders,
    filled: request.variables.filter((variable) => variable.value !== '').length,
  };
}
