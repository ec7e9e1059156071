import { describeGiven } from './describe-given.ts';
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { SchemaProblem } from './schema-result.ts';

/** Keywords whose failure is already reported by the errors of their subschemas. */
const SUMMARY_KEYWORDS = new Set(['if']);

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function param(error: ErrorObject, name: string): unknown {
  const params: Record<string, unknown> = error.params;
  return params[name];
}

function listValues(values: unknown): string {
  if (!Array.isArray(values)) return JSON.stringify(values) ?? String(values);
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ');
}

function plural(count: unknown, word: string): string {
  return `${String(count)} ${word}${count === 1 ? '' : 's'}`;
}

/** `integer` when the failing schema declares it, otherwise `number`. */
function numberKind(error: ErrorObject): string {
  const parent: unknown = error.parentSchema;
  const isInteger =
    typeof parent === 'object' && parent !== null && 'type' in parent && parent.type === 'integer';
  return isInteger ? 'integer' : 'number';
}

function expectedFor(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return `required property "${String(param(error, 'missingProperty'))}"`;
    case 'type':
      return String(param(error, 'type')).split(',').join(' or ');
    case 'format':
      return `string (format ${String(param(error, 'format'))})`;
    case 'enum':
      return `one of ${listValues(param(error, 'allowedValues'))}`;
    case 'const':
      return `exactly ${JSON.stringify(param(error, 'allowedValue'))}`;
    case 'pattern':
      return `string matching ${String(param(error, 'pattern'))}`;
    case 'minLength':
      return `string of at least ${plural(param(error, 'limit'), 'character')}`;
    case 'maxLength':
      return `string of at most ${plural(param(error, 'limit'), 'character')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${numberKind(error)} ${String(param(error, 'comparison'))} ${String(param(error, 'limit'))}`;
    case 'minItems':
      return `array of at least ${plural(param(error, 'limit'), 'item')}`;
    case 'maxItems':
      return `array of at most ${plural(param(error, 'limit'), 'item')}`;
    case 'additionalProperties':
      return `no property "${String(param(error, 'additionalProperty'))}"`;
    default:
      return (error.message ?? `to satisfy "${error.keyword}"`).replace(/^must /, '');
  }
}

/** The property a keyword is about, when the error concerns a child rather than the value itself. */
function childProperty(error: ErrorObject): string | undefined {
  if (error.keyword === 'required') return String(param(error, 'missingProperty'));
  if (error.keyword === 'additionalProperties') return String(param(error, 'additionalProperty'));
  return undefined;
}

function toProblem(error: ErrorObject): SchemaProblem {
  const child = childProperty(error);
  const pointer =
    child === undefined ? error.instancePath : `${error.instancePath}/${escapePointerToken(child)}`;
  const expected = expectedFor(error);
  let given = describeGiven(error.data);
  if (error.keyword === 'required') given = 'missing';
  else if (child !== undefined && typeof error.data === 'object' && error.data !== null) {
    given = describeGiven((error.data as Record<string, unknown>)[child]);
  }
  const message = `${pointer === '' ? '(root)' : pointer}: expected ${expected}, given ${given}`;
  return { pointer, expected, given, keyword: error.keyword, message };
}

/**
 * Turns ajv's errors (compiled with `verbose: true`, so each carries the offending data) into
 * readable problems: a JSON pointer, what was expected, what was given. Drops summary errors
 * (`if`) whose cause is reported separately, and exact duplicates.
 */
export function toSchemaProblems(errors: readonly ErrorObject[] | null | undefined): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    const problem = toProblem(error);
    if (seen.has(problem.message)) continue;
    seen.add(problem.message);
    problems.push(problem);
  }
  return problems;
}
