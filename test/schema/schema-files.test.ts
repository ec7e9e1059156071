import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSchemaDirectory, schemaRegistry } from '../../src/schema/index.ts';

/** The names the suite's steps use (`expect.schema`). */
const SUITE_SCHEMA_NAMES = [
  'token-response',
  'oauth-error',
  'p1-error',
  'organization',
  'organizations',
  'license',
  'licenses',
  'environment',
  'environments',
  'population',
  'populations',
  'user',
  'users',
  'password-state',
  'user-mfa-enabled',
  'mfa-settings',
  'device-authentication-policy',
  'device-authentication-policies',
  'device',
  'device-totp-created',
  'devices',
  'role',
  'roles',
  'role-assignment',
  'role-assignments',
].map((name) => `pingone/${name}`);

const SHARED_PIECES = ['hal-link', 'hal-links', 'id-ref', 'collection'].map((name) => `pingone/${name}`);

const directory = defaultSchemaDirectory();
const files = readdirSync(join(directory, 'pingone')).filter((file) => file.endsWith('.schema.json'));

function keysAnywhere(node: unknown, key: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((item) => keysAnywhere(item, key));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([name, value]) =>
    (name === key ? [value] : []).concat(keysAnywhere(value, key)),
  );
}

describe('schema files', () => {
  it('all compile into the process-wide registry', () => {
    expect(() => schemaRegistry()).not.toThrow();
    expect(
      schemaRegistry()
        .names()
        .filter((name) => name.startsWith('pingone/')),
    ).toHaveLength(files.length);
  });

  it('include every name the suite uses and the shared pieces', () => {
    const registry = schemaRegistry();
    for (const name of [...SUITE_SCHEMA_NAMES, ...SHARED_PIECES]) expect(registry.has(name), name).toBe(true);
    expect(registry.has('pingone/unknown')).toBe(false);
  });

  it.each(files)('%s is 2020-12 with $id, title and description', (file) => {
    const schema = JSON.parse(readFileSync(join(directory, 'pingone', file), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://idflow.dev/schemas/pingone/${file}`);
    expect(typeof schema.title).toBe('string');
    expect(String(schema.description).length).toBeGreaterThan(20);
  });

  it.each(files)('%s never forbids unknown properties', (file) => {
    const schema: unknown = JSON.parse(readFileSync(join(directory, 'pingone', file), 'utf8'));
    expect(keysAnywhere(schema, 'additionalProperties')).not.toContain(false);
    expect(keysAnywhere(schema, 'unevaluatedProperties')).not.toContain(false);
  });
});
