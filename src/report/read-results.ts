import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonSyntaxPosition } from '../baseline/json-syntax-position.ts';
import { ConfigError } from '../errors/config-error.ts';
import { readCapped } from '../files/read-capped.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { AJV_DIALECT, createAjv } from '../schema/create-ajv.ts';
import { cachedValidator } from '../schema/validator-cache.ts';
import { toSchemaProblems } from '../schema/to-problems.ts';
import { RESULTS_VERSION, type RunResults } from './results.ts';
import type { ValidateFunction } from 'ajv/dist/2020.js';

/** Largest results file read: a long run against a real tenant writes a few MiB. */
export const MAX_RESULTS_FILE_BYTES = 64 * 1024 * 1024;

/** Schema problems a message lists before it summarises the rest. */
const PROBLEMS_SHOWN = 5;

const SCHEMA_FILE = resolve(PACKAGE_ROOT, 'schemas/idflow/results.schema.json');

let validator: ValidateFunction | undefined;

/** The results schema, compiled once per process. */
function validate(value: unknown): ValidateFunction {
  validator ??= cachedValidator(
    AJV_DIALECT,
    JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object,
    (source) => createAjv({ source }),
  );
  validator(value);
  return validator;
}

/**
 * Messages name the file and what is wrong where, and never quote what it holds: a user who
 * passed the wrong file (an env file, a Postman export) would see its secrets, which nobody
 * registered with the redactor in this process.
 */
function fileError(file: string, problem: string, cause?: unknown): ConfigError {
  return new ConfigError({
    code: 'CONFIG_FILE',
    file,
    message: `The results file ${file} ${problem}${problem.endsWith('\n') ? '' : ' '}Pass results.json files written by 'idflow run --report json'.`,
    cause,
  });
}

function unreadable(file: string, error: unknown): ConfigError {
  const code = (error as { code?: unknown }).code;
  const reason =
    code === 'ENOENT'
      ? 'does not exist.'
      : code === 'EISDIR'
        ? 'is a directory, not a file.'
        : `cannot be read (${typeof code === 'string' ? code : 'unknown error'}).`;
  return fileError(file, reason, error);
}

function readText(file: string): string {
  let content: Buffer | undefined;
  try {
    content = readCapped(file, MAX_RESULTS_FILE_BYTES);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (content === undefined) {
    throw fileError(
      file,
      `is larger than ${MAX_RESULTS_FILE_BYTES / 1024 / 1024} MiB, the most idflow reads.`,
    );
  }
  return content.toString('utf8').replace(/^\uFEFF/, '');
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the mistake: only its position is reported.
    const position = jsonSyntaxPosition(text);
    const where = position === undefined ? '' : ` (line ${position.line}, column ${position.column})`;
    throw fileError(file, `is not valid JSON${where}.`);
  }
}

/** The file's `version` is checked first: a newer file fails on its version, not on fifty schema problems. */
function checkVersion(file: string, value: unknown): void {
  const version =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as { version?: unknown }).version
      : undefined;
  if (version === RESULTS_VERSION) return;
  if (typeof version === 'number') {
    throw fileError(
      file,
      `is a version ${version} results file; this idflow reads version ${RESULTS_VERSION} (compare it ` +
        `with the idflow release that wrote it).`,
    );
  }
  throw fileError(
    file,
    `is not an idflow results file: it has no "version": ${RESULTS_VERSION} at its top level.`,
  );
}

/**
 * Reads a results file (results.json) and validates it against schemas/idflow/results.schema.json.
 * Throws ConfigError `CONFIG_FILE` (exit 2) naming the file when it is missing, unreadable, larger
 * than {@link MAX_RESULTS_FILE_BYTES}, not JSON, of another version, or not as the schema says
 * (the first few problems, each with its JSON pointer).
 */
export function readResultsFile(file: string): RunResults {
  const value = parseJson(file, readText(file));
  checkVersion(file, value);
  const validation = validate(value);
  if (validation.errors?.length) {
    const problems = toSchemaProblems(validation.errors);
    const lines = problems
      .slice(0, PROBLEMS_SHOWN)
      .map(
        (problem) =>
          `  ${problem.pointer || '(root)'}: ${problem.keyword === 'required' ? 'missing' : `expected ${problem.expected}`}`,
      );
    if (problems.length > PROBLEMS_SHOWN) lines.push(`  ... and ${problems.length - PROBLEMS_SHOWN} more`);
    throw fileError(
      file,
      `does not match the results schema (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        `${lines.join('\n')}\n`,
    );
  }
  return value as RunResults;
}
