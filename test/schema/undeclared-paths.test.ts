import { describe, expect, test } from 'vitest';
import { undeclaredPaths } from '../../src/schema/undeclared-paths.ts';
import { createSchemaRegistry, defaultSchemaDirectory } from '../../src/schema/index.ts';

const BASE = 'https://example.test/schemas/';

const documents: Record<string, Record<string, unknown>> = {
  [`${BASE}link.json`]: { type: 'object', properties: { href: { type: 'string' } } },
  [`${BASE}thing.json`]: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      self: { $ref: 'link.json' },
      method: { $ref: '#/$defs/method' },
      tags: { type: 'array', items: { type: 'string' } },
      parts: { type: 'array', items: { $ref: '#/$defs/method' } },
      anything: { type: 'object' },
      untyped: true,
      pair: { type: 'array', prefixItems: [{ type: 'object', properties: { a: {} } }] },
    },
    $defs: { method: { type: 'object', properties: { enabled: { type: 'boolean' } } } },
  },
  [`${BASE}page.json`]: {
    type: 'object',
    allOf: [{ $ref: 'collection.json' }],
    properties: {
      _embedded: {
        type: 'object',
        properties: { things: { type: 'array', items: { $ref: 'thing.json' } } },
      },
    },
  },
  [`${BASE}collection.json`]: {
    type: 'object',
    properties: {
      _links: { type: 'object', additionalProperties: { $ref: 'link.json' } },
      _embedded: { type: 'object' },
      count: {},
    },
  },
  [`${BASE}variant.json`]: {
    type: 'object',
    properties: { kind: { type: 'string' } },
    oneOf: [
      { properties: { email: { type: 'string' } } },
      { properties: { phone: { type: 'object', properties: { number: {} } } } },
    ],
    anyOf: [{ properties: { nickname: {} } }],
    if: { properties: { kind: { const: 'x' } }, required: ['kind'] },
    then: { properties: { onlyWhenX: {} } },
    else: { properties: { otherwise: {} } },
    patternProperties: { '^x-': { type: 'object', properties: { note: {} } } },
  },
  [`${BASE}open-map.json`]: { type: 'object', properties: { fixed: {} }, additionalProperties: true },
};

function undeclared(value: unknown, ...names: string[]): string[] {
  return undeclaredPaths(
    value,
    names.map((name) => `${BASE}${name}`),
    (id) => documents[id],
  );
}

describe('undeclaredPaths (drift)', () => {
  test('a body its schema fully declares has no drift', () => {
    const body = {
      id: 'a',
      self: { href: 'h' },
      method: { enabled: true },
      tags: ['a', 'b'],
      parts: [{ enabled: false }],
      anything: { deep: { deeper: 1 } },
      untyped: { free: 1 },
      pair: [{ a: 1 }, { whatever: 2 }],
    };
    expect(undeclared(body, 'thing.json')).toEqual([]);
  });

  test('fields no schema names are listed by JSON pointer, through $ref and $defs, not what they hold', () => {
    const body = {
      id: 'a',
      extra: { x: 1 },
      self: { href: 'h', rel: 'r' },
      method: { enabled: true, otp: {} },
    };
    expect(undeclared(body, 'thing.json')).toEqual(['/extra', '/self/rel', '/method/otp']);
  });

  test('array indices collapse to *, and each path is listed once', () => {
    const body = { parts: [{ enabled: true, a: 1 }, { a: 2 }, { b: 3 }], pair: [{ a: 1, z: 1 }] };
    expect(undeclared(body, 'thing.json')).toEqual(['/parts/*/a', '/parts/*/b', '/pair/*/z']);
  });

  test('allOf with a free-form branch does not hide a field the other branch leaves undeclared', () => {
    const body = {
      _links: { self: { href: 'h' }, next: { href: 'n', extra: 1 } },
      _embedded: {
        things: [
          { id: '1', foo: 1 },
          { id: '2', foo: 2 },
        ],
        others: [],
      },
      count: 2,
      size: 2,
    };
    expect(undeclared(body, 'page.json')).toEqual([
      '/_links/next/extra',
      '/_embedded/things/*/foo',
      '/_embedded/others',
      '/size',
    ]);
  });

  test('a field any oneOf/anyOf branch, then or else, or a pattern names is declared', () => {
    const body = {
      kind: 'y',
      email: 'e',
      phone: { number: '1', ext: '2' },
      nickname: 'n',
      onlyWhenX: 1,
      otherwise: 2,
      'x-vendor': { note: 1, more: 2 },
      unknown: 3,
    };
    expect(undeclared(body, 'variant.json')).toEqual(['/phone/ext', '/x-vendor/more', '/unknown']);
  });

  test('additionalProperties: true declares everything; several roots declare their union', () => {
    expect(undeclared({ fixed: 1, any: { thing: 2 } }, 'open-map.json')).toEqual([]);
    expect(undeclared({ id: 'a', kind: 'k', other: 1 }, 'thing.json', 'variant.json')).toEqual(['/other']);
  });

  test('pointer tokens are escaped (RFC 6901)', () => {
    expect(undeclared({ 'a/b': 1, 'c~d': 2 }, 'link.json')).toEqual(['/a~1b', '/c~0d']);
  });

  test("the project's registry walks its own schemas: a collection item's extra field is drift", () => {
    const registry = createSchemaRegistry({ directory: defaultSchemaDirectory() });
    const body = {
      _links: { self: { href: 'https://api.pingone.com/v1/x' } },
      _embedded: { devices: [{ id: 'd', type: 'EMAIL', email: 'e', emulatorExtraField: 1 }] },
    };
    expect(registry.undeclared(['pingone/devices'], body)).toEqual([
      '/_embedded/devices/*/emulatorExtraField',
    ]);
  });
});
