import type { SchemaResult } from './schema-result.ts';

/** How many problems a formatted message lists before it summarises the rest. */
export const FORMAT_PROBLEM_LIMIT = 10;

export interface FormatSchemaProblemsOptions {
  /** What was validated, for the first line; defaults to `value`. */
  readonly subject?: string;
  /** Problems listed before `... and N more`; defaults to 10. */
  readonly limit?: number;
}

/**
 * A multi-line message for a validation result: a headline naming the schema `$id` and the
 * number of problems, then one `pointer: expected ..., given ...` line per problem (at most
 * `limit`, then `... and N more`). A valid result gives `matches the schema`.
 */
export function formatSchemaProblems(
  result: SchemaResult,
  options: FormatSchemaProblemsOptions = {},
): string {
  if (result.valid) return 'matches the schema';
  const limit = options.limit ?? FORMAT_PROBLEM_LIMIT;
  const count = result.problems.length;
  const headline = `${options.subject ?? 'value'} does not match ${result.schemaId} (${count} problem${count === 1 ? '' : 's'})${count === 0 ? '' : ':'}`;
  const lines = result.problems.slice(0, limit).map((problem) => `  - ${problem.message}`);
  if (count > limit) lines.push(`  ... and ${count - limit} more`);
  return [headline, ...lines].join('\n');
}
