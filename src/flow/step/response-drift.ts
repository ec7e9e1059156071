import type { HttpResponse } from '../../http/types.ts';
import type { SchemaRegistry } from '../../schema/registry.ts';
import type { Expectation } from './step.ts';

/** A response field none of the step's schemas declares: the first sign the vendor changed its API. */
export interface DriftField {
  /** JSON pointer with array indices written `*`: `/_embedded/devices/*` then `/foo`. */
  readonly path: string;
  /** The schema (and inferred schema) the answer was read against, e.g. `acme/user`. */
  readonly schemas: readonly string[];
}

/**
 * At most this many drift fields per answer, so a tenant answering thousands of keys cannot flood the output.
 */
export const MAX_DRIFT_FIELDS = 20;

/**
 * The fields of a JSON answer that the expectation's schemas do not declare. Our schemas declare
 * every property the vendor's OAS declares for the answer, so what is left is drift. None when
 * the answer has no JSON body or the expectation no schema; past {@link MAX_DRIFT_FIELDS}, one
 * last entry says how many more there are.
 */
export function responseDrift(
  expect: Expectation,
  response: HttpResponse,
  schemas: SchemaRegistry,
): DriftField[] {
  if (response.json === undefined || !expect.schema) return [];
  // The inferred schema only adds what our emulator answers; a field it names is known, not drift.
  const names = [expect.schema, ...(expect.inferredSchema ? [expect.inferredSchema.schema] : [])];
  const paths = schemas.undeclared(names, response.json);
  const listed = paths.slice(0, MAX_DRIFT_FIELDS).map((path) => ({ path, schemas: names }));
  const more = paths.length - listed.length;
  return more > 0 ? [...listed, { path: `(and ${more} more)`, schemas: names }] : listed;
}
