import { beforeEach, describe, expect, it } from 'vitest';
import { resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { clearSecretsForTest } from '../../src/redact/secrets.ts';
import { REQUIRED, thrown } from './fixtures.ts';

beforeEach(() => clearSecretsForTest());

function configError(variables: Record<string, string>, source = 'env/pingone.env'): ConfigError {
  const error = thrown(() => resolvePingOneConfig(variables, source));
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('resolvePingOneConfig', () => {
  it('returns undefined when no PINGONE_* variable is set (the emulator is used)', () => {
    expect(resolvePingOneConfig({}, 'process environment')).toBeUndefined();
    expect(
      resolvePingOneConfig({ PATH: '/usr/bin', PINGONE_REGION: '  ', OTHER_VAR: 'x' }, 'process environment'),
    ).toBeUndefined();
  });

  it('builds the config from the required variables, NA by default', () => {
    expect(resolvePingOneConfig({ ...REQUIRED }, 'env/pingone.env')).toEqual({
      target: 'pingone',
      source: 'env/pingone.env',
      apiUrl: 'https://api.pingone.com/v1',
      authUrl: 'https://auth.pingone.com',
      region: 'NA',
      adminEnvId: REQUIRED.PINGONE_ADMIN_ENV_ID,
      admin: { clientId: REQUIRED.PINGONE_CLIENT_ID, clientSecret: REQUIRED.PINGONE_CLIENT_SECRET },
      actors: {},
    });
  });

  it('carries the optional ids and both extra actors, trimming values', () => {
    const config = resolvePingOneConfig(
      {
        ...REQUIRED,
        PINGONE_REGION: 'EU',
        PINGONE_ORG_ID: ' 11111111-2222-4333-8444-555555555555 ',
        PINGONE_LICENSE_ID: '21111111-2222-4333-8444-555555555555',
        PINGONE_ENV_ID: '31111111-2222-4333-8444-555555555555',
        PINGONE_IDENTITY_ADMIN_CLIENT_ID: '41111111-2222-4333-8444-555555555555',
        PINGONE_IDENTITY_ADMIN_CLIENT_SECRET: 'identity-admin-secret',
        PINGONE_NO_ROLE_CLIENT_ID: '51111111-2222-4333-8444-555555555555',
        PINGONE_NO_ROLE_CLIENT_SECRET: 'no-role-secret',
      },
      'env/pingone.env',
    );
    expect(config).toMatchObject({
      region: 'EU',
      orgId: '11111111-2222-4333-8444-555555555555',
      licenseId: '21111111-2222-4333-8444-555555555555',
      environmentId: '31111111-2222-4333-8444-555555555555',
      actors: {
        identityDataAdmin: {
          clientId: '41111111-2222-4333-8444-555555555555',
          clientSecret: 'identity-admin-secret',
        },
        noRole: { clientId: '51111111-2222-4333-8444-555555555555', clientSecret: 'no-role-secret' },
      },
    });
  });

  it('lets PINGONE_API_URL and PINGONE_AUTH_URL override the region, tolerating one trailing slash', () => {
    const config = resolvePingOneConfig(
      {
        ...REQUIRED,
        PINGONE_API_URL: 'http://127.0.0.1:4010/v1/',
        PINGONE_AUTH_URL: 'http://127.0.0.1:4010/',
      },
      'env/emulator.env',
    );
    expect(config?.apiUrl).toBe('http://127.0.0.1:4010/v1');
    expect(config?.authUrl).toBe('http://127.0.0.1:4010');
    expect(config?.region).toBeUndefined();
  });

  it('derives the region from overriding URLs on a PingOne host, and rejects a contradicting region', () => {
    const urls = {
      PINGONE_API_URL: 'https://api.pingone.sg/v1',
      PINGONE_AUTH_URL: 'https://auth.pingone.sg',
    };
    expect(resolvePingOneConfig({ ...REQUIRED, ...urls }, 'env/pingone.env')?.region).toBe('SG');
    const error = configError({ ...REQUIRED, ...urls, PINGONE_REGION: 'EU' });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.variable).toBe('PINGONE_REGION');
    expect(error.message).toContain('region SG');
  });

  it('names variable, file and example for a missing variable', () => {
    const { PINGONE_CLIENT_SECRET: _omitted, ...rest } = REQUIRED;
    const error = configError({ ...rest });
    expect(error.code).toBe('CONFIG_MISSING');
    expect(error.fault).toBe('config');
    expect(error.variable).toBe('PINGONE_CLIENT_SECRET');
    expect(error.file).toBe('env/pingone.env');
    expect(error.example).toBe('PINGONE_CLIENT_SECRET=<worker app client secret>');
    expect(error.message).toBe(
      'PINGONE_CLIENT_SECRET is missing. Set it in env/pingone.env (see env/pingone.env.example), e.g. ' +
        'PINGONE_CLIENT_SECRET=<worker app client secret>',
    );
  });

  it('lists every problem, the first in full', () => {
    const error = configError({ PINGONE_REGION: 'EU' }, 'process environment');
    expect(error.variable).toBe('PINGONE_ADMIN_ENV_ID');
    expect(error.file).toBe('env/pingone.env');
    expect(error.message).toContain('or in the process environment');
    expect(error.message).toContain('Also: PINGONE_CLIENT_ID is missing; PINGONE_CLIENT_SECRET is missing.');
  });

  it('names the Postman variable and file for a Postman source', () => {
    const { PINGONE_ADMIN_ENV_ID: _omitted, ...rest } = REQUIRED;
    const error = configError({ ...rest }, 'postman environment exports/my-env.json');
    expect(error.file).toBe('exports/my-env.json');
    expect(error.message).toContain('Set it in exports/my-env.json as the Postman variable adminEnvID');
  });

  it('rejects an id that is not a UUID, showing the value and an example', () => {
    const error = configError({ ...REQUIRED, PINGONE_ADMIN_ENV_ID: 'my-admin-env' });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.variable).toBe('PINGONE_ADMIN_ENV_ID');
    expect(error.message).toBe(
      'PINGONE_ADMIN_ENV_ID must be a UUID (got "my-admin-env"). Fix it in env/pingone.env (see ' +
        'env/pingone.env.example), e.g. PINGONE_ADMIN_ENV_ID=8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d',
    );
  });

  it('rejects an unknown region, listing the six', () => {
    const error = configError({ ...REQUIRED, PINGONE_REGION: 'US' });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.variable).toBe('PINGONE_REGION');
    expect(error.message).toContain('must be one of NA, CA, EU, AU, SG, AP (got "US")');
  });

  it.each([
    ['PINGONE_API_URL', 'api.pingone.com/v1', 'ending with /v1'],
    ['PINGONE_API_URL', 'https://api.pingone.com', 'ending with /v1'],
    ['PINGONE_API_URL', 'ftp://api.pingone.com/v1', 'http(s)'],
    ['PINGONE_API_URL', 'https://api.pingone.com/v1?x=1', 'without query'],
    ['PINGONE_AUTH_URL', 'https://auth.pingone.com/v1', 'without /v1'],
  ])('rejects %s=%s', (name, value, rule) => {
    const urls = {
      PINGONE_API_URL: 'https://api.pingone.com/v1',
      PINGONE_AUTH_URL: 'https://auth.pingone.com',
    };
    const error = configError({ ...REQUIRED, ...urls, [name]: value });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.variable).toBe(name);
    expect(error.message).toContain(rule);
  });

  it('requires both URL overrides or neither', () => {
    const error = configError({ ...REQUIRED, PINGONE_API_URL: 'https://api.pingone.eu/v1' });
    expect(error.code).toBe('CONFIG_MISSING');
    expect(error.variable).toBe('PINGONE_AUTH_URL');
    expect(error.message).toContain('PINGONE_API_URL is set, and the two go together');
  });

  it.each([
    [
      'PINGONE_IDENTITY_ADMIN_CLIENT_ID',
      '41111111-2222-4333-8444-555555555555',
      'PINGONE_IDENTITY_ADMIN_CLIENT_SECRET',
    ],
    ['PINGONE_NO_ROLE_CLIENT_SECRET', 'no-role-secret', 'PINGONE_NO_ROLE_CLIENT_ID'],
  ])('rejects half an actor pair: %s without its partner', (name, value, missing) => {
    const error = configError({ ...REQUIRED, [name]: value });
    expect(error.code).toBe('CONFIG_MISSING');
    expect(error.variable).toBe(missing);
    expect(error.message).toContain(`${name} is set`);
    expect(error.message).toContain('set both or neither');
  });

  it('never puts a secret value in a ConfigError message, even one pasted into the wrong variable', () => {
    const planted = 'PLANTED-secret-value-9876';
    const cases: Record<string, string>[] = [
      { ...REQUIRED, PINGONE_CLIENT_SECRET: planted, PINGONE_ADMIN_ENV_ID: planted },
      { ...REQUIRED, PINGONE_CLIENT_SECRET: planted, PINGONE_REGION: `${planted}x` },
      { ...REQUIRED, PINGONE_CLIENT_SECRET: planted, PINGONE_API_URL: `https://x/?s=${planted}` },
      { ...REQUIRED, PINGONE_NO_ROLE_CLIENT_SECRET: planted },
      {
        ...REQUIRED,
        PINGONE_IDENTITY_ADMIN_CLIENT_SECRET: planted,
        PINGONE_IDENTITY_ADMIN_CLIENT_ID: planted,
      },
      { PINGONE_CLIENT_SECRET: planted, PINGONE_CLIENT_ID: 'not-a-uuid' },
    ];
    for (const variables of cases) {
      clearSecretsForTest();
      const error = configError(variables);
      expect(error.message).not.toContain(planted);
      expect(error.message).not.toContain(Buffer.from(planted).toString('base64'));
      expect(JSON.stringify({ ...error })).not.toContain(planted);
    }
  });
});
