import { resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.ts';
import { loadVariables } from '../config/load-variables.ts';
import { writePostmanExport } from '../export/write-postman-export.ts';
import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { defaultSchemaDirectory } from '../schema/registry.ts';
import { loadSchemaFiles } from '../schema/schema-files.ts';
import { TARGETS, findTarget, type TargetDescriptor } from '../targets/registry.ts';
import { parseOptions, type CommandOptions } from './parse-options.ts';
import { UsageError } from './usage-error.ts';
import type { ExportVariable, PostmanExportPlan } from '../export/export-plan.ts';

/** The options `idflow export` accepts. */
export const EXPORT_OPTIONS = {
  target: { type: 'string' },
  format: { type: 'string' },
  env: { type: 'string' },
  out: { type: 'string' },
} satisfies CommandOptions;

/** The formats `idflow export` writes. */
export const EXPORT_FORMATS = ['postman'] as const;

function exportableTarget(name: string | undefined): TargetDescriptor {
  const names = TARGETS.filter((target) => target.postmanExport).map((target) => target.name);
  if (name === undefined)
    throw new UsageError(
      `idflow export needs --target: one of ${names.join(', ')} (e.g. --target ${names[0]}).`,
    );
  const target = findTarget(name);
  if (!target)
    throw new UsageError(
      `unknown target "${name}". Use one of: ${names.join(', ')} (e.g. --target ${names[0]}).`,
    );
  if (!target.postmanExport)
    throw new UsageError(`the ${name} target cannot be exported yet. Use one of: ${names.join(', ')}.`);
  return target;
}

/**
 * The environment's variables: from `--env FILE` alone (never the process environment, so no
 * ambient secret lands in a file unasked), validated as `idflow run` validates them.
 */
function environmentVariables(
  target: TargetDescriptor,
  envFile: string | undefined,
): readonly ExportVariable[] {
  const plan = target.postmanExport as PostmanExportPlan<unknown>;
  if (envFile === undefined) return plan.environment(undefined);
  const loaded = loadVariables({ envFile, env: {}, targets: TARGETS });
  const config = target.resolveConfig(loaded.variables, loaded.source);
  if (config === undefined)
    throw new ConfigError({
      code: 'CONFIG_FILE',
      file: envFile,
      message:
        `${envFile} sets none of the ${target.title} variables (${target.variablePrefix}…); ` +
        `see ${target.envExample} for what it needs.`,
    });
  return plan.environment(config);
}

/**
 * `idflow export --target T --format postman [--env FILE] --out DIR`: the target's steps and
 * probes as a Postman collection, and its matching environment (filled from FILE when given).
 * Prints what it wrote, never a value.
 */
export async function exportCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseOptions(argv, EXPORT_OPTIONS);
  const target = exportableTarget(options.target);
  const format = options.format;
  if (format === undefined || !(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      `${format === undefined ? 'idflow export needs --format' : `unknown format "${format}"`}: ` +
        `use one of ${EXPORT_FORMATS.join(', ')} (e.g. --format postman).`,
    );
  if (options.out === undefined)
    throw new UsageError(
      'idflow export needs --out DIR, the folder to write the files into (e.g. --out postman).',
    );
  const variables = environmentVariables(target, options.env);
  const written = writePostmanExport({
    target: target.name,
    title: target.title,
    plan: target.postmanExport as PostmanExportPlan<never>,
    variables,
    schemas: loadSchemaFiles(defaultSchemaDirectory()),
    outDir: resolve(options.out),
  });
  process.stdout.write(
    `idflow export: wrote ${written.collectionFile} (${written.requests} requests in ${written.folders} folders)\n` +
      `idflow export: wrote ${written.environmentFile} (${variables.length} variables, ${written.filled} filled` +
      `${options.env === undefined ? '' : ` from ${options.env}`})\n`,
  );
  return EXIT.passed;
}
