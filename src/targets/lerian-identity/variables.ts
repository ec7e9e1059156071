import type { VariableRules, VariableSpec } from '../../config/variable-rules.ts';

// An origin, then an optional path; no query or fragment, and no /v1 (the calls add it).
const SERVICE_URL = {
  type: 'string',
  format: 'uri',
  pattern: '^https?://[^\\s/?#]+(?:/[^\\s?#]*)?$',
  not: { pattern: '/v1/?$' },
};
const NOT_EMPTY = { type: 'string', minLength: 1 };

function url(name: string, example: string): VariableSpec {
  return {
    name,
    schema: SERVICE_URL,
    rule: 'must be an absolute http(s) URL without /v1 and without query',
    example,
    required: true,
  };
}

/** Lerian Identity's variables and pairs, for the target-neutral validator. */
export const LERIAN_VARIABLE_RULES: VariableRules = {
  target: 'Lerian Identity',
  envFile: 'env/lerian-identity.env',
  exampleFile: 'env/lerian-identity.env.example',
  variables: [
    url('LERIAN_AUTH_URL', 'https://auth.sandbox.lerian.net'),
    url('LERIAN_IDENTITY_URL', 'https://identity.sandbox.lerian.net'),
    { name: 'LERIAN_USERNAME', schema: NOT_EMPTY, rule: 'must not be empty', example: 'admin' },
    {
      name: 'LERIAN_PASSWORD',
      schema: NOT_EMPTY,
      rule: 'must not be empty',
      example: '<password of that user>',
      secret: true,
    },
    {
      name: 'LERIAN_CLIENT_ID',
      schema: { type: 'string', pattern: '^\\S+$' },
      rule: 'must be a client id without spaces',
      example: '<client id of an M2M application>',
    },
    {
      name: 'LERIAN_CLIENT_SECRET',
      schema: NOT_EMPTY,
      rule: 'must not be empty',
      example: '<client secret of that application>',
      secret: true,
    },
    {
      name: 'LERIAN_ALLOW_HOST',
      schema: { type: 'string', pattern: '^[A-Za-z0-9.:\\-\\[\\]]+(?:[\\s,]+[A-Za-z0-9.:\\-\\[\\]]+)*$' },
      rule: 'must be host names separated by commas (no scheme, no path)',
      example: 'access-manager.example.com',
    },
    {
      name: 'LERIAN_IDFLOW_EMULATOR',
      schema: { type: 'string', enum: ['true', 'false'] },
      rule: 'must be true or false (true only when the target is the idflow emulator)',
      example: 'false',
    },
  ],
  pairs: [
    { first: 'LERIAN_USERNAME', second: 'LERIAN_PASSWORD', purpose: 'the admin user' },
    { first: 'LERIAN_CLIENT_ID', second: 'LERIAN_CLIENT_SECRET', purpose: 'the M2M application' },
  ],
};
