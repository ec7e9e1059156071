import { REGION_CODES } from './regions.ts';
import { postmanKeyOf } from './postman-keys.ts';
import type { ValueSchema, VariableRules, VariableSpec } from '../../config/variable-rules.ts';

const UUID: ValueSchema = { type: 'string', format: 'uuid' };
const UUID_RULE = 'must be a UUID';
const SECRET: ValueSchema = { type: 'string', minLength: 1 };
// An origin, then an optional path; no query or fragment (a secret there would end up in logs).
const HTTP_URL = '^https?://[^\\s/?#]+(?:/[^\\s?#]*)?$';
const HTTP_API_URL = '^https?://[^\\s/?#]+(?:/[^\\s?#]*)?/v1/?$';

type Spec = Omit<VariableSpec, 'postmanKey'>;

function spec(definition: Spec): VariableSpec {
  const postmanKey = postmanKeyOf(definition.name);
  return postmanKey === undefined ? definition : { ...definition, postmanKey };
}

function uuid(name: string, example: string, required = false): VariableSpec {
  return spec({ name, schema: UUID, rule: UUID_RULE, example, required });
}

function actor(prefix: string, role: string): VariableSpec[] {
  const idName = `${prefix}_CLIENT_ID`;
  return [
    uuid(idName, `<client id of a worker app ${role} (a UUID)>`),
    spec({
      name: `${prefix}_CLIENT_SECRET`,
      schema: SECRET,
      rule: 'must not be empty',
      example: `<client secret of that worker app>`,
      secret: true,
      clientIdVariable: idName,
    }),
  ];
}

/** PingOne's variables, pairs and files, for the target-neutral validator. */
export const PINGONE_VARIABLE_RULES: VariableRules = {
  target: 'PingOne',
  envFile: 'env/pingone.env',
  exampleFile: 'env/pingone.env.example',
  variables: [
    spec({
      name: 'PINGONE_REGION',
      schema: { type: 'string', enum: [...REGION_CODES] },
      rule: `must be one of ${REGION_CODES.join(', ')}`,
      example: 'EU',
    }),
    spec({
      name: 'PINGONE_API_URL',
      schema: { type: 'string', format: 'uri', pattern: HTTP_API_URL },
      rule: 'must be an absolute http(s) URL ending with /v1, without query',
      example: 'https://api.pingone.eu/v1',
    }),
    spec({
      name: 'PINGONE_AUTH_URL',
      schema: { type: 'string', format: 'uri', pattern: HTTP_URL, not: { pattern: '/v1/?$' } },
      rule: 'must be an absolute http(s) URL without /v1 and without query',
      example: 'https://auth.pingone.eu',
    }),
    uuid('PINGONE_ADMIN_ENV_ID', '8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d', true),
    uuid('PINGONE_CLIENT_ID', '<worker app client id, a UUID>', true),
    spec({
      name: 'PINGONE_CLIENT_SECRET',
      schema: SECRET,
      rule: 'must not be empty',
      example: '<worker app client secret>',
      required: true,
      secret: true,
      clientIdVariable: 'PINGONE_CLIENT_ID',
    }),
    uuid('PINGONE_ORG_ID', '<organization id, a UUID>'),
    uuid('PINGONE_LICENSE_ID', '<license id, a UUID>'),
    uuid('PINGONE_ENV_ID', '<id of an existing environment to reuse, a UUID>'),
    uuid('PINGONE_SMOKE_USER_ID', '<id of a canary user in PINGONE_ENV_ID, a UUID>'),
    uuid('PINGONE_SMOKE_DEVICE_POLICY_ID', '<id of a TOTP-enabled device policy in PINGONE_ENV_ID, a UUID>'),
    spec({
      name: 'PINGONE_ALLOW_HOST',
      schema: { type: 'string', pattern: '^[A-Za-z0-9.:\\-\\[\\]]+(?:[\\s,]+[A-Za-z0-9.:\\-\\[\\]]+)*$' },
      rule: 'must be host names separated by commas (no scheme, no path)',
      example: 'pingone-proxy.example.com',
    }),
    ...actor('PINGONE_IDENTITY_ADMIN', 'holding only Identity Data Admin'),
    ...actor('PINGONE_NO_ROLE', 'with no role assignment'),
  ],
  pairs: [
    { first: 'PINGONE_API_URL', second: 'PINGONE_AUTH_URL', purpose: 'they override the region together' },
    {
      first: 'PINGONE_IDENTITY_ADMIN_CLIENT_ID',
      second: 'PINGONE_IDENTITY_ADMIN_CLIENT_SECRET',
      purpose: 'the Identity Data Admin actor',
    },
    {
      first: 'PINGONE_NO_ROLE_CLIENT_ID',
      second: 'PINGONE_NO_ROLE_CLIENT_SECRET',
      purpose: 'the no-role actor',
    },
  ],
};
