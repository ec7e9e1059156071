import type { EmulatorRequest } from '../../http/index.ts';
import { fail, invalidData } from './p1-error.ts';

export type FilterOperator = 'eq' | 'ne' | 'sw' | 'lt' | 'gt';

interface Clause {
  attribute: string;
  operator: FilterOperator;
  value: string | number | boolean;
}

/** Which attributes of a collection can be filtered, and with which operators. */
export type FilterSupport = Readonly<Record<string, readonly FilterOperator[]>>;

const CLAUSE = /^\s*([A-Za-z][\w.]*)\s+(eq|ne|sw|lt|gt)\s+("(?:[^"\\]|\\.)*"|true|false|-?\d+(?:\.\d+)?)\s*/i;
const AND = /^and\s+/i;

function invalidFilter(message: string, support: FilterSupport): never {
  return fail(
    invalidData([
      {
        code: 'INVALID_FILTER',
        target: 'filter',
        message,
        innerError: {
          supportedAttributes: Object.keys(support),
          supportedOperators: [...new Set(Object.values(support).flat())],
        },
      },
    ]),
  );
}

function parseValue(text: string): Clause['value'] {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text === 'true' || text === 'false') return text === 'true';
  return Number(text);
}

function parse(text: string, support: FilterSupport): Clause[] {
  const clauses: Clause[] = [];
  let rest = text.trim();
  while (rest.length > 0) {
    const match = CLAUSE.exec(rest);
    if (!match)
      invalidFilter(`The filter '${text}' could not be parsed; use e.g. status eq "ACTIVE".`, support);
    const [whole, attribute = '', operatorText = '', valueText = ''] = match;
    const operator = operatorText.toLowerCase() as FilterOperator;
    const allowed = support[attribute];
    if (!allowed) invalidFilter(`Filtering on '${attribute}' is not supported.`, support);
    if (!allowed.includes(operator))
      invalidFilter(`Operator '${operator}' is not supported for '${attribute}'.`, support);
    clauses.push({ attribute, operator, value: parseValue(valueText.toString()) });
    rest = rest.slice(whole.length);
    if (rest.length === 0) break;
    const and = AND.exec(rest);
    if (!and) invalidFilter(`The filter '${text}' could not be parsed; only 'and' joins clauses.`, support);
    rest = rest.slice(and[0].length);
  }
  return clauses;
}

function compare(actual: unknown, clause: Clause): boolean {
  if (actual === undefined || actual === null) return clause.operator === 'ne';
  // String comparisons are case-insensitive, as SCIM specifies for non-caseExact attributes.
  const left = typeof actual === 'string' ? actual.toLowerCase() : actual;
  const right = typeof clause.value === 'string' ? clause.value.toLowerCase() : clause.value;
  switch (clause.operator) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    case 'sw':
      return typeof left === 'string' && typeof right === 'string' && left.startsWith(right);
    case 'lt':
    case 'gt': {
      const a = typeof actual === 'string' ? Date.parse(actual) : Number(actual);
      const b = typeof clause.value === 'string' ? Date.parse(clause.value) : Number(clause.value);
      return clause.operator === 'lt' ? a < b : a > b;
    }
  }
}

/**
 * Applies the request's SCIM `filter` parameter (clauses joined by `and`) to `items`;
 * `attributeOf` reads a dotted attribute such as `population.id` from an item.
 */
export function applyFilter<T>(
  req: EmulatorRequest,
  items: readonly T[],
  support: FilterSupport,
  attributeOf: (item: T, attribute: string) => unknown,
): T[] {
  const text = req.query.get('filter');
  if (text === null || text.trim() === '') return [...items];
  const clauses = parse(text, support);
  return items.filter((item) =>
    clauses.every((clause) => compare(attributeOf(item, clause.attribute), clause)),
  );
}
