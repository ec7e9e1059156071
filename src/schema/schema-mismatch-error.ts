import { redact } from '../redact/secrets.ts';
import { formatSchemaProblems } from './format-problems.ts';
import { SCHEMA_ID_BASE } from './schema-files.ts';
import { IdflowError } from '../errors/idflow-error.ts';
import type { SchemaFailure, SchemaProblem } from './schema-result.ts';

export interface SchemaMismatchOptions {
  /** What was validated, e.g. `POST /v1/environments response body`; defaults to `value`. */
  readonly subject?: string;
  readonly cause?: unknown;
}

function schemaFileOf(schemaId: string): string {
  return schemaId.startsWith(SCHEMA_ID_BASE) ? `schemas/${schemaId.slice(SCHEMA_ID_BASE.length)}` : schemaId;
}

/**
 * A response that does not match its JSON Schema: the API under test is at fault. Carries the
 * schema `$id` and the readable problems (pointer, expected, given), redacted like the message.
 */
export class SchemaMismatchError extends IdflowError {
  readonly schemaId: string;
  readonly problems: readonly SchemaProblem[];

  constructor(failure: SchemaFailure, options: SchemaMismatchOptions = {}) {
    const hint = `If the vendor's documented shape changed, update ${schemaFileOf(failure.schemaId)}.`;
    super('SCHEMA_MISMATCH', `${formatSchemaProblems(failure, { subject: options.subject })}\n${hint}`, {
      fault: 'api',
      cause: options.cause,
    });
    this.schemaId = failure.schemaId;
    this.problems = failure.problems.map((problem) => ({
      ...problem,
      given: redact(problem.given),
      message: redact(problem.message),
    }));
  }
}
