import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSchemaRegistry, defaultSchemaDirectory } from '../../src/schema/index.ts';
import { AJV_DIALECT, createAjv } from '../../src/schema/create-ajv.ts';
import { cachedValidator } from '../../src/schema/validator-cache.ts';
import { emailDevice } from './fixtures/mfa-examples.ts';
import { withValue } from './helpers/mutate.ts';

const folders: string[] = [];
function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'idflow-validators-'));
  folders.push(made);
  return made;
}
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

const cacheFiles = (cache: string) => readdirSync(cache).filter((name) => name.startsWith('validators-'));
const broken = withValue(withValue(emailDevice, '/status', 'PAIRED'), '/id', 42);

describe('validators kept between processes', () => {
  it('a later registry loads what the first compiled, and judges exactly as it did', () => {
    const cache = folder();
    const first = createSchemaRegistry({ directory: defaultSchemaDirectory(), cache });
    expect(first.compileCount()).toBe(first.names().length);
    expect(cacheFiles(cache)).toHaveLength(1);
    const later = createSchemaRegistry({ directory: defaultSchemaDirectory(), cache });
    expect(later.compileCount()).toBe(0);
    const uncached = createSchemaRegistry({ directory: defaultSchemaDirectory() });
    for (const value of [emailDevice, broken, {}, null, 'text']) {
      expect(later.validate('pingone/device', value)).toEqual(uncached.validate('pingone/device', value));
    }
    expect(later.validate('pingone/device', broken).valid).toBe(false);
  });

  it('a schema changed since is compiled anew: a saved validator is never stale', () => {
    const cache = folder();
    const directory = folder();
    cpSync(defaultSchemaDirectory(), directory, { recursive: true });
    createSchemaRegistry({ directory, cache });
    const file = join(directory, 'pingone', 'device.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { required: string[] };
    schema.required = [...schema.required, 'nickname'];
    writeFileSync(file, JSON.stringify(schema));
    const changed = createSchemaRegistry({ directory, cache });
    expect(changed.compileCount()).toBeGreaterThan(0);
    expect(changed.validate('pingone/device', emailDevice).valid).toBe(false);
    expect(cacheFiles(cache)).toHaveLength(2);
  });

  it('a file cut short or tampered into other names is compiled over, not trusted', () => {
    const cache = folder();
    createSchemaRegistry({ directory: defaultSchemaDirectory(), cache });
    const [saved] = cacheFiles(cache);
    const path = join(cache, saved!);
    const whole = readFileSync(path, 'utf8');
    for (const damaged of [whole.slice(0, whole.length / 2), '"use strict";exports.other = () => true;']) {
      writeFileSync(path, damaged);
      const registry = createSchemaRegistry({ directory: defaultSchemaDirectory(), cache });
      expect(registry.compileCount()).toBe(registry.names().length);
      expect(registry.validate('pingone/device', broken).valid).toBe(false);
      expect(readFileSync(path, 'utf8')).toBe(whole);
    }
  });

  it('a folder that cannot be written keeps nothing, and the registry still compiles', () => {
    const notAFolder = join(folder(), 'file');
    writeFileSync(notAFolder, '');
    const registry = createSchemaRegistry({ directory: defaultSchemaDirectory(), cache: notAFolder });
    expect(registry.compileCount()).toBe(registry.names().length);
    expect(registry.validate('pingone/device', emailDevice).valid).toBe(true);
  });

  it('one schema: loaded or compiled, the same errors', () => {
    const cache = folder();
    const schema = {
      type: 'object',
      required: ['target'],
      properties: { target: { type: 'string', format: 'uri' } },
    };
    const make = (source: boolean) => createAjv({ source });
    const compiled = cachedValidator(AJV_DIALECT, schema, make, cache);
    const loaded = cachedValidator(AJV_DIALECT, schema, make, cache);
    expect(loaded).not.toBe(compiled);
    for (const value of [{ target: 'not a uri' }, {}, { target: 'https://idflow.dev/' }]) {
      expect(loaded(value)).toBe(compiled(value));
      expect(loaded.errors).toEqual(compiled.errors);
    }
  });

  it('keeps the most recently used files, and removes older ones nobody used for a day', () => {
    const cache = folder();
    const dayAgo = (Date.now() - 25 * 60 * 60 * 1000) / 1000;
    for (let index = 0; index < 6; index += 1) {
      const name = join(cache, `validators-old${index}.cjs`);
      writeFileSync(name, '');
      utimesSync(name, dayAgo - index, dayAgo - index);
    }
    cachedValidator(AJV_DIALECT, { type: 'string' }, (source) => createAjv({ source }), cache);
    expect(cacheFiles(cache).sort()).toEqual(
      expect.arrayContaining(['validators-old0.cjs', 'validators-old1.cjs', 'validators-old2.cjs']),
    );
    expect(cacheFiles(cache)).toHaveLength(4);
  });
});
