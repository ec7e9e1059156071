import { afterEach, describe, expect, it } from 'vitest';
import { clearSecretsForTest, registerSecret } from '../../src/redact/secrets.ts';
import { describeGiven, formatSchemaProblems, schemaRegistry } from '../../src/schema/index.ts';
import type { SchemaFailure } from '../../src/schema/index.ts';
import { tokenResponse } from './fixtures/auth-examples.ts';
import { emailDevice } from './fixtures/mfa-examples.ts';
import { without, withValue } from './helpers/mutate.ts';

const registry = schemaRegistry();

function failure(name: string, value: unknown): SchemaFailure {
  const result = registry.validate(name, value);
  if (result.valid) throw new Error(`${name} accepted the value`);
  return result;
}

afterEach(() => clearSecretsForTest());

describe('readable schema problems', () => {
  it('reports one wrong enum as exactly one problem with pointer, expected and given', () => {
    const result = failure('pingone/device', withValue(emailDevice, '/status', 'PAIRED'));
    expect(result.problems).toEqual([
      {
        pointer: '/status',
        expected: 'one of ACTIVE, ACTIVATION_REQUIRED, BLOCKED, LOCKED',
        given: '"PAIRED"',
        keyword: 'enum',
        message: '/status: expected one of ACTIVE, ACTIVATION_REQUIRED, BLOCKED, LOCKED, given "PAIRED"',
      },
    ]);
  });

  it('points a missing property at itself and reports its conditional requirement without if/then noise', () => {
    const result = failure('pingone/device', without(emailDevice, '/email'));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      pointer: '/email',
      expected: 'required property "email"',
      given: 'missing',
    });
  });

  it('reports a root that is not an object at the empty pointer', () => {
    const result = failure('pingone/user', ['not', 'a', 'user']);
    expect(result.problems[0]).toMatchObject({
      pointer: '',
      expected: 'object',
      given: '["not","a","user"]',
    });
    expect(formatSchemaProblems(result)).toContain('(root): expected object, given ["not","a","user"]');
  });

  it('reports every problem at once, deep inside a collection', () => {
    const devices = {
      _links: { self: { href: 'https://api.pingone.com/v1/environments/e/users/u/devices' } },
      _embedded: { devices: [withValue(without(emailDevice, '/id'), '/updatedAt', 'soon')] },
    };
    const pointers = failure('pingone/devices', devices).problems.map((problem) => problem.pointer);
    expect(pointers.sort()).toEqual(['/_embedded/devices/0/id', '/_embedded/devices/0/updatedAt']);
  });

  it('truncates long given values to about 80 characters', () => {
    const longName = 'x'.repeat(500);
    const result = failure('pingone/device', withValue(emailDevice, '/type', longName));
    const given = result.problems.find((problem) => problem.pointer === '/type')?.given ?? '';
    expect(given.length).toBeLessThanOrEqual(80);
    expect(given.startsWith('"xxxx')).toBe(true);
    expect(given.endsWith('…')).toBe(true);
  });

  it('redacts a registered secret in given values before truncating them', () => {
    const token = `${'a'.repeat(60)}.${'b'.repeat(200)}`;
    registerSecret(token);
    const atRoot = failure('pingone/token-response', token);
    expect(atRoot.problems[0]).toMatchObject({ pointer: '', given: '"[REDACTED]"' });
    const nested = failure('pingone/token-response', { ...tokenResponse, scope: { leaked: token } });
    expect(nested.problems[0]).toMatchObject({ pointer: '/scope', given: '{"leaked":"[REDACTED]"}' });
    expect(JSON.stringify([atRoot, nested])).not.toContain('aaaaaaaa');
  });

  it('describes absent values as missing and short values as JSON', () => {
    expect(describeGiven(undefined)).toBe('missing');
    expect(describeGiven(null)).toBe('null');
    expect(describeGiven(3600)).toBe('3600');
    expect(describeGiven('ok')).toBe('"ok"');
  });
});

describe('formatSchemaProblems', () => {
  it('writes a headline with the schema $id and one line per problem', () => {
    const result = failure('pingone/device', withValue(without(emailDevice, '/email'), '/status', 'PAIRED'));
    const lines = formatSchemaProblems(result, { subject: 'POST devices response body' }).split('\n');
    expect(lines[0]).toBe(
      'POST devices response body does not match https://idflow.dev/schemas/pingone/device.schema.json ' +
        '(2 problems):',
    );
    expect(lines.slice(1).sort()).toEqual([
      '  - /email: expected required property "email", given missing',
      '  - /status: expected one of ACTIVE, ACTIVATION_REQUIRED, BLOCKED, LOCKED, given "PAIRED"',
    ]);
  });

  const everythingWrong = {
    _links: 1,
    id: 1,
    environment: 1,
    username: 1,
    population: 1,
    createdAt: 1,
    updatedAt: 1,
    enabled: 'yes',
    mfaEnabled: 'no',
    email: 1,
    account: 1,
    lifecycle: 1,
  };

  it('lists at most ten problems and summarises the rest', () => {
    const result = failure('pingone/user', everythingWrong);
    expect(result.problems.length).toBeGreaterThan(10);
    const lines = formatSchemaProblems(result).split('\n');
    expect(lines).toHaveLength(1 + 10 + 1);
    expect(lines.at(-1)).toBe(`  ... and ${result.problems.length - 10} more`);
  });

  it('honours a custom limit and says when a value is valid', () => {
    const result = failure('pingone/user', {});
    expect(formatSchemaProblems(result, { limit: 2 }).split('\n')).toHaveLength(4);
    expect(
      formatSchemaProblems(
        registry.validate('pingone/user-mfa-enabled', {
          _links: { self: { href: 'https://a.b/c' } },
          mfaEnabled: true,
        }),
      ),
    ).toBe('matches the schema');
  });
});
