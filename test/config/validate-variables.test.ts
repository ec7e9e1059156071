import { beforeEach, describe, expect, it } from 'vitest';
import { createVariableValidator, hasVariableWithPrefix } from '../../src/config/validate-variables.ts';
import type { VariableRules } from '../../src/config/variable-rules.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { clearSecretsForTest, redact } from '../../src/redact/secrets.ts';
import { thrown } from './fixtures.ts';

/** A second target's rules, to show the validator is target-neutral. */
const LERIAN_RULES: VariableRules = {
  target: 'Lerian Identity',
  envFile: 'env/lerian-identity.env',
  exampleFile: 'env/lerian-identity.env.example',
  variables: [
    {
      name: 'LERIAN_AUTH_URL',
      schema: { type: 'string', pattern: '^https?://' },
      rule: 'must be an absolute http(s) URL',
      example: 'https://auth.example.com',
      required: true,
    },
    {
      name: 'LERIAN_CLIENT_ID',
      schema: { type: 'string', minLength: 1 },
      rule: 'must not be empty',
      example: 'my-client',
      required: true,
    },
    {
      name: 'LERIAN_CLIENT_SECRET',
      schema: { type: 'string', minLength: 1 },
      rule: 'must not be empty',
      example: '<client secret>',
      required: true,
      secret: true,
      clientIdVariable: 'LERIAN_CLIENT_ID',
    },
  ],
  pairs: [],
};

const validate = createVariableValidator(LERIAN_RULES);

beforeEach(() => clearSecretsForTest());

describe('createVariableValidator', () => {
  it('returns trimmed values of the target variables only', () => {
    const values = validate(
      {
        LERIAN_AUTH_URL: ' https://auth.example.com ',
        LERIAN_CLIENT_ID: 'id',
        LERIAN_CLIENT_SECRET: 'secret-1',
        OTHER: 'x',
      },
      'env/lerian-identity.env',
    );
    expect(values.get('LERIAN_AUTH_URL')).toBe('https://auth.example.com');
    expect(values.require('LERIAN_CLIENT_SECRET')).toBe('secret-1');
    expect(values.get('OTHER')).toBeUndefined();
  });

  it('registers secrets (and the Basic form) before validating', () => {
    const error = thrown(() =>
      validate(
        { LERIAN_AUTH_URL: 'nope', LERIAN_CLIENT_ID: 'client', LERIAN_CLIENT_SECRET: 'lerian-secret' },
        'process environment',
      ),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(redact('lerian-secret')).toBe('[REDACTED]');
    expect(redact(Buffer.from('client:lerian-secret').toString('base64'))).toBe('[REDACTED]');
  });

  it("words messages with the target's own files", () => {
    const error = thrown(() =>
      validate({ LERIAN_AUTH_URL: 'https://a', LERIAN_CLIENT_ID: 'c' }, 'process environment'),
    );
    expect((error as ConfigError).message).toBe(
      'LERIAN_CLIENT_SECRET is missing. Set it in env/lerian-identity.env (see ' +
        'env/lerian-identity.env.example) or in the process environment, e.g. LERIAN_CLIENT_SECRET=<client ' +
        'secret>',
    );
  });
});

describe('hasVariableWithPrefix', () => {
  it('ignores blank values and other prefixes', () => {
    expect(hasVariableWithPrefix({ LERIAN_X: ' ', PINGONE_Y: 'set' }, 'LERIAN_')).toBe(false);
    expect(hasVariableWithPrefix({ LERIAN_X: 'v' }, 'LERIAN_')).toBe(true);
  });
});
