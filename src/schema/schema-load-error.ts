import { relative, isAbsolute } from 'node:path';
import { IdflowError } from '../errors/idflow-error.ts';

function displayPath(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd === '' || fromCwd.startsWith('..') || isAbsolute(fromCwd) ? file : fromCwd;
}

function reasonOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** A schema file that cannot be read, parsed or compiled: a bug in idflow, not in the API. */
export class SchemaLoadError extends IdflowError {
  /** The schema file (or schema directory) at fault. */
  readonly file: string;

  constructor(file: string, problem: unknown) {
    super(
      'SCHEMA_INVALID',
      `Schema file ${displayPath(file)} is broken: ${reasonOf(problem)}. Fix that file: every schema ` +
        `must be JSON Schema 2020-12 that compiles under ajv strict mode.`,
      { fault: 'suite', cause: problem instanceof Error ? problem : undefined },
    );
    this.file = file;
  }
}
