import { resolvePointer } from './json-pointer.ts';
import { redact } from '../../redact/secrets.ts';
import { renderValue, variablesInValue, type JsonTemplate, type VariableLookup } from './template.ts';
import type { HttpResponse } from '../../http/types.ts';
import type { Source } from './source.ts';

/**
 * A semantic check, as data: what the step promised, stated as expected vs given. Kinds are
 * few and named so that a report (or a Postman export) can show them without running code.
 */
export type Check = CheckKind & {
  /**
   * Where the expectation comes from. Optional in the type so the builders below stay short;
   * the provenance test fails on any step or probe check without one (see `cited`).
   */
  readonly source?: Source;
};

type CheckKind =
  | {
      readonly kind: 'equals';
      readonly name: string;
      readonly pointer: string;
      readonly expected: JsonTemplate;
    }
  | { readonly kind: 'present'; readonly name: string; readonly pointer: string }
  | { readonly kind: 'absent'; readonly name: string; readonly pointer: string }
  | { readonly kind: 'matches'; readonly name: string; readonly pointer: string; readonly pattern: RegExp }
  | {
      readonly kind: 'listContains';
      readonly name: string;
      /** Pointer to an array. */
      readonly pointer: string;
      /** Every `pointer → expected` pair must hold for at least one item. */
      readonly where: Readonly<Record<string, JsonTemplate>>;
    }
  | { readonly kind: 'atLeast'; readonly name: string; readonly pointer: string; readonly minimum: number }
  | {
      readonly kind: 'headerEqualsBody';
      readonly name: string;
      readonly header: string;
      readonly pointer: string;
    };

/** The outcome of one check: what was expected, what was given, and whether it held. */
export interface CheckResult {
  readonly name: string;
  readonly passed: boolean;
  readonly expected: string;
  readonly given: string;
  /** Set when the expectation is inferred: why it is expected (a miss may only be unconfirmed). */
  readonly inferred?: string;
}

const MAX_GIVEN = 120;

/**
 * Short JSON of a value for a check line; `missing` when absent. Redacted *before* it is cut, so
 * a cut can never leave a recognisable head of a registered secret (a token where none belongs).
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = redact(JSON.stringify(value) ?? String(value));
  return text.length > MAX_GIVEN ? `${text.slice(0, MAX_GIVEN)}…` : text;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function matchesAll(
  item: unknown,
  where: Readonly<Record<string, JsonTemplate>>,
  lookup: VariableLookup,
): boolean {
  return Object.entries(where).every(([pointer, expected]) =>
    deepEqual(resolvePointer(item, pointer), renderValue(expected, lookup)),
  );
}

function describeWhere(where: Readonly<Record<string, JsonTemplate>>, lookup: VariableLookup): string {
  return Object.entries(where)
    .map(([pointer, expected]) => `${pointer} = ${describeValue(renderValue(expected, lookup))}`)
    .join(' and ');
}

/** Evaluates one check against a response body (and headers, for header checks). */
export function evaluateCheck(check: Check, response: HttpResponse, lookup: VariableLookup): CheckResult {
  const result = evaluateKind(check, response, lookup);
  return check.source?.kind === 'inferred' ? { ...result, inferred: check.source.reason } : result;
}

function evaluateKind(check: Check, response: HttpResponse, lookup: VariableLookup): CheckResult {
  const body = response.json;
  switch (check.kind) {
    case 'equals': {
      const expected = renderValue(check.expected, lookup);
      const given = resolvePointer(body, check.pointer);
      return {
        name: check.name,
        passed: deepEqual(given, expected),
        expected: describeValue(expected),
        given: describeValue(given),
      };
    }
    case 'present': {
      const given = resolvePointer(body, check.pointer);
      return {
        name: check.name,
        passed: given !== undefined && given !== null,
        expected: 'present',
        given: describeValue(given),
      };
    }
    case 'absent': {
      const given = resolvePointer(body, check.pointer);
      return {
        name: check.name,
        passed: given === undefined,
        expected: 'absent',
        given: describeValue(given),
      };
    }
    case 'matches': {
      const given = resolvePointer(body, check.pointer);
      const passed = typeof given === 'string' && check.pattern.test(given);
      return { name: check.name, passed, expected: `matches ${check.pattern}`, given: describeValue(given) };
    }
    case 'listContains': {
      const list = resolvePointer(body, check.pointer);
      const items = Array.isArray(list) ? list : [];
      const passed = items.some((item) => matchesAll(item, check.where, lookup));
      const given = Array.isArray(list) ? `${items.length} item(s), none matching` : describeValue(list);
      return {
        name: check.name,
        passed,
        expected: `an item with ${describeWhere(check.where, lookup)}`,
        given: passed ? 'found' : given,
      };
    }
    case 'atLeast': {
      const given = resolvePointer(body, check.pointer);
      const size = Array.isArray(given) ? given.length : typeof given === 'number' ? given : Number.NaN;
      return {
        name: check.name,
        passed: size >= check.minimum,
        expected: `at least ${check.minimum}`,
        given: describeValue(Array.isArray(given) ? size : given),
      };
    }
    case 'headerEqualsBody': {
      const header = response.headers[check.header.toLowerCase()];
      const expected = resolvePointer(body, check.pointer);
      return {
        name: check.name,
        passed: header !== undefined && header === expected,
        expected: `${check.header} = ${describeValue(expected)} (${check.pointer})`,
        given: describeValue(header),
      };
    }
  }
}

/** Variables a check's expectations use, so a step can be skipped when they are missing. */
export function variablesInCheck(check: Check): string[] {
  if (check.kind === 'equals') return variablesInValue(check.expected);
  if (check.kind === 'listContains') return variablesInValue(check.where as JsonTemplate);
  return [];
}

/** The same check, marked inferred with the reason no vendor source backs it. */
export function inferredCheck(check: Check, reason: string): Check {
  return { ...check, source: { kind: 'inferred', reason } };
}

/** The checks, each citing `source` unless it already cites its own. */
export function cited(source: Source, ...checks: readonly Check[]): Check[] {
  return checks.map((check) => (check.source ? check : { ...check, source }));
}

/** `/mfaEnabled` equals `true`. */
export function equals(pointer: string, expected: JsonTemplate, name?: string): Check {
  return { kind: 'equals', name: name ?? `${pointer} is ${JSON.stringify(expected)}`, pointer, expected };
}

/** The response echoes what was sent: `/username` equals `{{username}}`. */
export function echoes(pointer: string, template: JsonTemplate): Check {
  return {
    kind: 'equals',
    name: `${pointer} echoes ${JSON.stringify(template)}`,
    pointer,
    expected: template,
  };
}

export function present(pointer: string, name?: string): Check {
  return { kind: 'present', name: name ?? `${pointer} is present`, pointer };
}

export function absent(pointer: string, name?: string): Check {
  return { kind: 'absent', name: name ?? `${pointer} is absent`, pointer };
}

export function matches(pointer: string, pattern: RegExp, name?: string): Check {
  return { kind: 'matches', name: name ?? `${pointer} matches ${pattern}`, pointer, pattern };
}

export function listContains(
  pointer: string,
  where: Readonly<Record<string, JsonTemplate>>,
  name?: string,
): Check {
  return { kind: 'listContains', name: name ?? `${pointer} lists ${JSON.stringify(where)}`, pointer, where };
}

export function atLeast(pointer: string, minimum: number, name?: string): Check {
  return { kind: 'atLeast', name: name ?? `${pointer} has at least ${minimum}`, pointer, minimum };
}

/** `Location` equals the created resource's `_links.self.href`. */
export function locationIsSelf(): Check {
  return {
    kind: 'headerEqualsBody',
    name: 'Location is the new resource (_links.self.href)',
    header: 'location',
    pointer: '/_links/self/href',
  };
}
