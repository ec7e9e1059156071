import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parseDocument } from 'yaml';
import { resolvedJobs } from './gitlab-jobs.ts';
import { mapAt } from './yaml-values.ts';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule.default;

let compiled: ValidateFunction | undefined;

/**
 * GitLab's published CI schema (vendored, see vendor/README.md), compiled once (about a second).
 * Not strict: the schema is GitLab's, written for their editor (it uses `markdownDescription`
 * and `required` without `properties`), and strict mode judges the schema, not the pipeline.
 */
function gitlabCiSchema(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(
    readFileSync(new URL('../vendor/gitlab-ci.json', import.meta.url), 'utf8'),
  ) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  compiled = ajv.compile(schema);
  return compiled;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(top level)' : error.instancePath;
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  const detail =
    params.additionalProperty !== undefined
      ? `: '${params.additionalProperty}'`
      : params.allowedValues !== undefined
        ? ` (${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')})`
        : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

/**
 * The YAML errors of a GitLab CI file, or else what GitLab's CI schema says about it, read as
 * written and, like GitLab, with each job as `extends` makes it (the schema lets a hidden
 * `.template` job hold anything, so a mistake there shows only in the jobs extending it). Each
 * message is a JSON pointer into the file and the broken rule (`/job must NOT have additional
 * properties: 'artefacts'`). An empty list means the file is valid against the schema.
 */
export function gitlabSchemaErrors(text: string): string[] {
  const document = parseDocument(text);
  if (document.errors.length) return document.errors.map((error) => `YAML: ${error.message}`);
  const validate = gitlabCiSchema();
  const written = mapAt(document.toJS());
  const errors = validate(written) ? [] : (validate.errors ?? []).map(describe);
  const extended: Record<string, unknown> = { ...written };
  for (const [name, job] of resolvedJobs(written)) {
    if (typeof job === 'string') errors.push(`/${name} ${job}`);
    else extended[name] = job;
  }
  if (!validate(extended))
    errors.push(...(validate.errors ?? []).map((error) => `${describe(error)} (as extended)`));
  return [...new Set(errors)];
}
