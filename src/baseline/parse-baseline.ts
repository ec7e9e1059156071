import { ConfigError } from '../errors/config-error.ts';
import { AJV_DIALECT, createAjv } from '../schema/create-ajv.ts';
import { cachedValidator } from '../schema/validator-cache.ts';
import { toSchemaProblems } from '../schema/to-problems.ts';
import { BASELINE_SCHEMA } from './baseline-schema.ts';
import { jsonSyntaxPosition } from './json-syntax-position.ts';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { BaselineFile } from './known-deviation.ts';

let validator: ValidateFunction | undefined;

function validate(value: unknown): ValidateFunction {
  validator ??= cachedValidator(AJV_DIALECT, BASELINE_SCHEMA, (source) => createAjv({ source }));
  validator(value);
  return validator;
}

/** Where the baseline text came from and what it must agree with. */
export interface ParseBaselineOptions {
  /** The file as messages should name it. */
  readonly file: string;
  /** The target this baseline is for; the file's `target` must equal it. */
  readonly target: string;
  /** Every check id the target defines; an entry naming another id is stale. */
  readonly checkIds: readonly string[];
}

/**
 * Messages about a baseline file name the file, the line or JSON pointer and what belongs there,
 * and never quote what the file holds: a user who passed the wrong file (their .env, a Postman
 * environment) would see its secrets, which no one registered with the redactor.
 */
function fileError(file: string, target: string, problem: string): ConfigError {
  return new ConfigError({
    code: 'CONFIG_FILE',
    file,
    message: `The known-deviations baseline ${file} ${problem}`,
    example: `{ "target": "${target}", "deviations": [] }`,
  });
}

/** A check id as the schema allows it: an id, never a secret, so a message may quote it. */
const CHECK_ID = new RegExp(BASELINE_SCHEMA.$defs.deviation.properties.check.pattern);

/** `deviations[3] (07b-read-user-mfa-enabled): ` for a pointer into an entry, else nothing. */
function entryLabel(value: unknown, pointer: string): string {
  const match = /^\/deviations\/(\d+)/.exec(pointer);
  if (!match) return '';
  const entries = (value as { deviations?: unknown }).deviations;
  const entry: unknown = Array.isArray(entries) ? entries[Number(match[1])] : undefined;
  const check =
    typeof entry === 'object' && entry !== null ? (entry as { check?: unknown }).check : undefined;
  return `deviations[${match[1]}]${typeof check === 'string' && CHECK_ID.test(check) ? ` (${check})` : ''}: `;
}

/** `KEY=value` lines: the file given is an env file, not a baseline. */
function looksLikeEnvFile(text: string): boolean {
  const first = text.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return first !== undefined && /^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=/.test(first);
}

function notJson(file: string, target: string, text: string): ConfigError {
  const position = jsonSyntaxPosition(text);
  const where = position === undefined ? '' : ` (line ${position.line}, column ${position.column})`;
  const hint = looksLikeEnvFile(text)
    ? ` It looks like an env file: pass that one with --env, and to --baseline a known-deviations JSON file such as suites/${target}/known-deviations.json.`
    : '';
  return fileError(file, target, `is not valid JSON${where}.${hint}`);
}

/**
 * Parses and validates a known-deviations file: JSON, its schema, the target it names, no
 * duplicate entries, and no entry for a check the target does not define (a stale baseline).
 * Throws ConfigError `CONFIG_FILE` naming the file and the entry to fix.
 */
export function parseBaseline(text: string, options: ParseBaselineOptions): BaselineFile {
  const { file, target, checkIds } = options;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // JSON.parse's message quotes the text around the mistake: only its position is reported.
    throw notJson(file, target, text.replace(/^\uFEFF/, ''));
  }
  const validation = validate(value);
  if (validation.errors?.length) {
    const problems = toSchemaProblems(validation.errors).map(
      (problem) =>
        `  ${entryLabel(value, problem.pointer)}${problem.pointer || '(root)'}: expected ${problem.expected}`,
    );
    throw fileError(
      file,
      target,
      `is malformed:\n${problems.join('\n')}\nEach entry is { "check": "<step or probe id>", "outcome": ` +
        `{ "code": "STATUS_MISMATCH", "check"?: "status", "given"?: "200" }, "reason": "why it is ` +
        `accepted" }.`,
    );
  }
  const baseline = value as BaselineFile;
  if (baseline.target !== target) {
    throw fileError(file, target, `is for another target: its "target" must be "${target}" for this run.`);
  }
  const known = new Set(checkIds);
  const seen = new Set<string>();
  baseline.deviations.forEach((deviation, index) => {
    const name = `deviations[${index}] (${deviation.check})`;
    if (!known.has(deviation.check)) {
      throw fileError(
        file,
        target,
        `is stale: ${name} names no check of ${target}. Remove the entry, or rename it to the check's ` +
          `current id.`,
      );
    }
    if (seen.has(deviation.check))
      throw fileError(file, target, `lists ${deviation.check} twice (${name}); keep one entry per check.`);
    seen.add(deviation.check);
  });
  return baseline;
}
