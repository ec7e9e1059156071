import { describe, expect, it } from 'vitest';
import { formatSchemaProblems, schemaRegistry } from '../../src/schema/index.ts';
import { invalidVariants } from './fixtures/invalid-variants.ts';

const registry = schemaRegistry();

describe('invalid variants', () => {
  it.each(invalidVariants)(
    '$schema rejects $label at $pointer',
    ({ schema, value, pointer, expected, keyword, given }) => {
      const result = registry.validate(schema, value);
      if (result.valid) throw new Error(`${schema} accepted ${JSON.stringify(value)}`);
      const problem = result.problems.find(
        (candidate) => candidate.pointer === pointer && candidate.keyword === keyword,
      );
      expect(problem, formatSchemaProblems(result)).toBeDefined();
      if (typeof expected === 'string') expect(problem?.expected).toBe(expected);
      else expect(problem?.expected).toMatch(expected);
      if (given !== undefined) expect(problem?.given).toBe(given);
      expect(result.schemaId).toBe(`https://idflow.dev/schemas/${schema}.schema.json`);
    },
  );

  it('cover every schema the suite uses', () => {
    const covered = new Set(invalidVariants.map((variant) => variant.schema));
    const shared = ['pingone/hal-link', 'pingone/hal-links', 'pingone/id-ref', 'pingone/collection'];
    const pingOneNames = registry.names().filter((name) => name.startsWith('pingone/'));
    expect(pingOneNames.filter((name) => !covered.has(name) && !shared.includes(name))).toEqual([]);
  });
});
