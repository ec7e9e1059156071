import { describe, expect, test } from 'vitest';
import { MAX_DRIFT_FIELDS, responseDrift } from '../../src/flow/step/response-drift.ts';
import { schemaRegistry } from '../../src/schema/index.ts';
import type { HttpResponse } from '../../src/http/types.ts';

function answer(json: unknown): HttpResponse {
  return { status: 200, headers: {}, bodyText: JSON.stringify(json), json, durationMs: 1 };
}

describe('responseDrift', () => {
  test('names each undeclared field with the schema it was read against', () => {
    const drift = responseDrift(
      { status: 200, schema: 'pingone/id-ref' },
      answer({ id: 'x', extra: 1 }),
      schemaRegistry(),
    );
    expect(drift).toEqual([{ path: '/extra', schemas: ['pingone/id-ref'] }]);
  });

  test('a tenant answering thousands of unknown keys yields a bounded list that says how many more', () => {
    const flood = Object.fromEntries(Array.from({ length: 5000 }, (_, index) => [`k${index}`, index]));
    const drift = responseDrift({ status: 200, schema: 'pingone/id-ref' }, answer(flood), schemaRegistry());
    expect(drift).toHaveLength(MAX_DRIFT_FIELDS + 1);
    expect(drift.at(-1)?.path).toBe(`(and ${5000 - MAX_DRIFT_FIELDS} more)`);
  });

  test('no JSON body or no schema: no drift', () => {
    expect(responseDrift({ status: 204 }, answer({ a: 1 }), schemaRegistry())).toEqual([]);
    const text: HttpResponse = { ...answer(undefined), bodyText: 'ok' };
    expect(responseDrift({ status: 200, schema: 'pingone/id-ref' }, text, schemaRegistry())).toEqual([]);
  });
});
