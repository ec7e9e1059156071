import { describe, expect, test } from 'vitest';
import { resolveLerianConfig } from '../../src/targets/lerian-identity/config.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { redact } from '../../src/redact/secrets.ts';

const URLS = {
  LERIAN_AUTH_URL: 'https://auth.sandbox.lerian.net/',
  LERIAN_IDENTITY_URL: 'https://identity.sandbox.lerian.net',
};

function problem(variables: Record<string, string>): ConfigError {
  try {
    resolveLerianConfig(variables, 'env/lerian-identity.env');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('Lerian Identity configuration', () => {
  test('no LERIAN_* variable means the embedded emulator', () => {
    expect(resolveLerianConfig({ PINGONE_REGION: 'EU' }, 'process environment')).toBeUndefined();
  });

  test('URLs and an admin user: trailing slashes dropped, the password registered as a secret', () => {
    const config = resolveLerianConfig(
      { ...URLS, LERIAN_USERNAME: 'admin', LERIAN_PASSWORD: 'pa55-word-lerian' },
      'env/x.env',
    );
    expect(config).toMatchObject({
      authUrl: 'https://auth.sandbox.lerian.net',
      adminUser: { id: 'admin' },
      idflowEmulator: false,
    });
    expect(config?.application).toBeUndefined();
    expect(redact('pa55-word-lerian')).toBe('[REDACTED]');
  });

  test('an M2M application alone is enough', () => {
    const config = resolveLerianConfig(
      { ...URLS, LERIAN_CLIENT_ID: 'abc123', LERIAN_CLIENT_SECRET: 'app-secret-value' },
      'env/x.env',
    );
    expect(config?.application).toEqual({ id: 'abc123', secret: 'app-secret-value' });
  });

  test('a missing URL, a URL with /v1, half a pair, or no credentials name the variable to fix', () => {
    expect(
      problem({ LERIAN_AUTH_URL: URLS.LERIAN_AUTH_URL, LERIAN_USERNAME: 'a', LERIAN_PASSWORD: 'b' }),
    ).toMatchObject({
      code: 'CONFIG_MISSING',
      variable: 'LERIAN_IDENTITY_URL',
    });
    expect(
      problem({
        ...URLS,
        LERIAN_IDENTITY_URL: 'https://identity.sandbox.lerian.net/v1',
        LERIAN_USERNAME: 'a',
        LERIAN_PASSWORD: 'b',
      }),
    ).toMatchObject({
      code: 'CONFIG_INVALID',
      variable: 'LERIAN_IDENTITY_URL',
    });
    expect(problem({ ...URLS, LERIAN_USERNAME: 'admin' }).variable).toBe('LERIAN_PASSWORD');
    const none = problem(URLS);
    expect(none.variable).toBe('LERIAN_USERNAME');
    expect(none.message).toContain('LERIAN_CLIENT_ID');
  });

  test('a secret never appears in a message', () => {
    const error = problem({ ...URLS, LERIAN_CLIENT_SECRET: 'very-secret-value' });
    expect(error.variable).toBe('LERIAN_CLIENT_ID');
    expect(error.message).not.toContain('very-secret-value');
  });
});
