import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSchemaRegistry,
  defaultSchemaDirectory,
  schemaIdFor,
  schemaRegistry,
} from '../../src/schema/index.ts';
import { emailDevice } from './fixtures/mfa-examples.ts';
import { withValue } from './helpers/mutate.ts';

afterEach(() => vi.restoreAllMocks());

function idflowIds(calls: readonly unknown[][]): string[] {
  return calls.map(([key]) => String(key)).filter((key) => key.startsWith('https://idflow.dev/'));
}

describe('compilation', () => {
  it('compiles each schema exactly once while the registry is built', () => {
    const getSchema = vi.spyOn(Ajv2020.prototype, 'getSchema');
    const registry = createSchemaRegistry({ directory: defaultSchemaDirectory() });
    const names = registry.names();
    expect(registry.compileCount()).toBe(names.length);
    // ajv also looks up the 2020-12 meta-schema through getSchema; count only our schemas.
    expect(idflowIds(getSchema.mock.calls).sort()).toEqual(names.map(schemaIdFor).sort());
  });

  it('never compiles again, however often it validates', () => {
    const registry = createSchemaRegistry({ directory: defaultSchemaDirectory() });
    const compiledAtStart = registry.compileCount();
    const spies = [
      vi.spyOn(Ajv2020.prototype, 'getSchema'),
      vi.spyOn(Ajv2020.prototype, 'compile'),
      vi.spyOn(Ajv2020.prototype, 'addSchema'),
    ];
    const broken = withValue(emailDevice, '/status', 'PAIRED');
    for (let round = 0; round < 1000; round += 1) {
      expect(registry.validate('pingone/device', round % 2 === 0 ? emailDevice : broken).valid).toBe(
        round % 2 === 0,
      );
    }
    expect(registry.compileCount()).toBe(compiledAtStart);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('builds the process-wide registry once', () => {
    expect(schemaRegistry()).toBe(schemaRegistry());
  });
});
