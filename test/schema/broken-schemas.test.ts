import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IdflowError } from '../../src/errors/idflow-error.ts';
import {
  createSchemaRegistry,
  SchemaLoadError,
  SchemaNotFoundError,
  schemaRegistry,
} from '../../src/schema/index.ts';

const folders: string[] = [];

/** A schema directory holding `files` (path under the directory -> file text or JSON value). */
function schemaFolder(files: Record<string, unknown>): string {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-schemas-'));
  folders.push(directory);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(directory, path, '..'), { recursive: true });
    writeFileSync(join(directory, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return directory;
}

function schema(name: string, body: Record<string, unknown>): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://idflow.dev/schemas/${name}.schema.json`,
    title: name,
    ...body,
  };
}

function loadError(directory: string): SchemaLoadError {
  try {
    createSchemaRegistry({ directory });
  } catch (error) {
    if (error instanceof SchemaLoadError) return error;
    throw error;
  }
  throw new Error('the registry accepted a broken schema');
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('a registry over another folder', () => {
  it('names schemas by their path and validates with them', () => {
    const registry = createSchemaRegistry({
      directory: schemaFolder({
        'demo/thing.schema.json': schema('demo/thing', {
          type: 'object',
          required: ['id'],
          properties: { id: { $ref: 'id.schema.json' } },
        }),
        'demo/id.schema.json': schema('demo/id', { type: 'string', format: 'uuid' }),
        'demo/notes.txt': 'not a schema',
      }),
    });
    expect(registry.names()).toEqual(['demo/id', 'demo/thing']);
    expect(registry.validate('demo/thing', { id: '6c796712-0f16-4062-815a-e0a92f4a2143' })).toEqual({
      valid: true,
    });
    expect(registry.validate('demo/thing', { id: 'nope' })).toMatchObject({
      valid: false,
      problems: [{ pointer: '/id', expected: 'string (format uuid)' }],
    });
  });
});

describe('broken schemas fail the build of the registry, naming the file', () => {
  it.each([
    ['invalid JSON', '{ "type": "object", }', /is broken: .*JSON/],
    ['a JSON array', '[]', /must hold one JSON object/],
  ])('%s', (_label, text, reason) => {
    const error = loadError(schemaFolder({ 'demo/bad.schema.json': text }));
    expect(error.file).toMatch(/demo[\\/]bad\.schema\.json$/);
    expect(error.message).toMatch(/bad\.schema\.json/);
    expect(error.message).toMatch(reason);
  });

  it.each([
    [
      'a wrong $id',
      { ...schema('demo/bad', { type: 'object' }), $id: 'https://example.com/bad.json' },
      /"\$id" is "https:\/\/example.com\/bad.json" but must be/,
    ],
    [
      'an unknown keyword (strict mode)',
      schema('demo/bad', { type: 'object', requierd: ['id'] }),
      /unknown keyword: "requierd"/,
    ],
    [
      'a misspelt required property (strictRequired)',
      schema('demo/bad', { type: 'object', required: ['idd'], properties: { id: {} } }),
      /required property "idd" is not defined/,
    ],
    ['an invalid type name (meta-schema)', schema('demo/bad', { type: 'strng' }), /schema is invalid/],
    [
      'a $ref to a missing file',
      schema('demo/bad', { $ref: 'missing.schema.json' }),
      /can't resolve reference missing\.schema\.json/,
    ],
  ])('%s', (_label, content, reason) => {
    const error = loadError(
      schemaFolder({
        'demo/bad.schema.json': content,
        'demo/good.schema.json': schema('demo/good', { type: 'string' }),
      }),
    );
    expect(error).toBeInstanceOf(IdflowError);
    expect(error.code).toBe('SCHEMA_INVALID');
    expect(error.fault).toBe('suite');
    expect(error.file).toMatch(/demo[\\/]bad\.schema\.json$/);
    expect(error.message).toMatch(reason);
  });

  it('blames a broken shared piece, not the schema that references it', () => {
    const error = loadError(
      schemaFolder({
        'demo/a-user.schema.json': schema('demo/a-user', {
          type: 'object',
          properties: { links: { $ref: 'z-links.schema.json' } },
        }),
        'demo/z-links.schema.json': schema('demo/z-links', { type: 'object', hreff: true }),
      }),
    );
    expect(error.file).toMatch(/z-links\.schema\.json$/);
  });

  it('names a missing schema directory', () => {
    const error = loadError(join(tmpdir(), 'idflow-no-such-schemas-folder'));
    expect(error.message).toContain('idflow-no-such-schemas-folder');
  });
});

describe('an unknown schema name', () => {
  it('throws SchemaNotFoundError, a suite fault listing the known names', () => {
    const validate = () => schemaRegistry().validate('pingone/usr', {});
    expect(validate).toThrow(SchemaNotFoundError);
    expect(validate).toThrow(/No schema named "pingone\/usr"\. Use one of: .*pingone\/user,/);
    try {
      validate();
    } catch (error) {
      expect(error).toMatchObject({ code: 'SCHEMA_NOT_FOUND', fault: 'suite', name: 'SchemaNotFoundError' });
    }
  });
});
