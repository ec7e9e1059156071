import { describe, expect, it } from 'vitest';
import { formatSchemaProblems, schemaRegistry } from '../../src/schema/index.ts';
import { user } from './fixtures/directory-examples.ts';
import { validExamples } from './fixtures/examples.ts';
import { withValue } from './helpers/mutate.ts';

const registry = schemaRegistry();

describe('valid examples from the PingOne docs', () => {
  it.each(validExamples)('$schema accepts $label', ({ schema, value }) => {
    const result = registry.validate(schema, value);
    expect(result.valid, formatSchemaProblems(result)).toBe(true);
  });

  it('cover every schema except the shared pieces', () => {
    const covered = new Set(validExamples.map((example) => example.schema));
    const shared = ['pingone/hal-link', 'pingone/hal-links', 'pingone/id-ref', 'pingone/collection'];
    const pingOneNames = registry.names().filter((name) => name.startsWith('pingone/'));
    expect(pingOneNames.filter((name) => !covered.has(name) && !shared.includes(name))).toEqual([]);
  });

  it.each(validExamples)('$schema accepts $label with unknown extra fields', ({ schema, value }) => {
    const grown = { ...withValue(value, '/addedByANewerApi', { nested: [1, 2] }), anotherNewField: 'x' };
    const result = registry.validate(schema, grown);
    expect(result.valid, formatSchemaProblems(result)).toBe(true);
  });

  it('accepts unknown fields nested inside known objects and links', () => {
    let grown = withValue(user, '/account/newFlag', true);
    grown = withValue(grown, '/_links/someNewRelation', {
      href: 'https://api.pingone.com/v1/new',
      templated: false,
    });
    expect(registry.validate('pingone/user', grown).valid).toBe(true);
  });
});
