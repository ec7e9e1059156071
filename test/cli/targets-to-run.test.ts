import { describe, expect, test } from 'vitest';
import { targetsToRun } from '../../src/cli/targets-to-run.ts';
import { ConfigError } from '../../src/errors/config-error.ts';

const pingone = {
  PINGONE_API_URL: 'http://127.0.0.1:9/v1',
  PINGONE_AUTH_URL: 'http://127.0.0.1:9',
  PINGONE_ADMIN_ENV_ID: '0f3c1b7e-6a52-4f1e-9a8b-2c4d6e8f0a1b',
  PINGONE_CLIENT_ID: '5b2f7c9d-1e3a-4b5c-8d7e-9f0a1b2c3d4e',
  PINGONE_CLIENT_SECRET: 'targets-to-run-secret',
};
const names = (targets: readonly { name: string }[]) => targets.map((target) => target.name);

describe('which targets a run covers', () => {
  test('no env file: every target, or the one named', () => {
    expect(
      names(
        targetsToRun({ target: undefined, envFile: undefined, variables: {}, source: 'process environment' }),
      ),
    ).toEqual(['pingone', 'lerian-identity']);
    expect(
      names(targetsToRun({ target: 'lerian-identity', envFile: undefined, variables: {}, source: 'x' })),
    ).toEqual(['lerian-identity']);
  });

  test('an env file without --target runs the targets it configures', () => {
    expect(
      names(targetsToRun({ target: undefined, envFile: 'p.env', variables: pingone, source: 'p.env' })),
    ).toEqual(['pingone']);
  });

  test('an env file that does not configure the named target, or any target, is a configuration error', () => {
    expect(() =>
      targetsToRun({ target: 'lerian-identity', envFile: 'p.env', variables: pingone, source: 'p.env' }),
    ).toThrow(ConfigError);
    expect(() =>
      targetsToRun({ target: undefined, envFile: 'e.env', variables: {}, source: 'e.env' }),
    ).toThrow(/e\.env holds no PingOne Platform API .* or Lerian Identity/);
  });
});
