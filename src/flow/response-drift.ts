import type { HttpResponse } from '../http/types.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import type { Expectation } from './step.ts';

/** A response field none of the step's schemas declares: the first sign the vendor changed its API. */
export interface DriftField {
  /** JSON pointer with array indices written `*`: `/_embedded/devices/*` then `/foo`. */
  readonly path: string;
  /** The schema (and inferred schema) the answer was read against, e.g. `pingone/user`. */
  readonly schemas: readonly string[];
}

/**
 * The fields of a JSON answer that the expectation's schemas do not declare. Our schemas declare
 * every property the vendor's OAS declares for the answer, so what is left is drift. None when
 * the answer has no JSON body or the expectation no schema.
 */
export function responseDrift(
  expect: Expectation,
  response: HttpResponse,
  schemas: SchemaRegistry,
): DriftField[] {
  if (response.json === undefined || !expect.schema) return [];
  // The inferred schema only adds what our emulator answers; a field it names is known, not drift.
  const names = [expect.schema, ...(expect.inferredSchema ? [expect.inferredSchema.schema] : [])];
  return schemas.undeclared(names, response.json).map((path) => ({ path, schemas: names }));
}
