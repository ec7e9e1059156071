import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../../src/targets/registry.ts';
import { loadVariables } from '../../src/config/load-variables.ts';
import { PINGONE_VARIABLE_RULES } from '../../src/targets/pingone/variables.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { tempFile, thrown } from './fixtures.ts';

function fileError(envFile: string): ConfigError {
  const error = thrown(() => loadVariables({ envFile, env: {}, targets: TARGETS }));
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).code).toBe('CONFIG_FILE');
  expect((error as ConfigError).file).toBe(envFile);
  return error as ConfigError;
}

function postman(values: unknown[]): string {
  return JSON.stringify({ id: 'x', name: 'My PingOne', values, _postman_variable_scope: 'environment' });
}

describe('loadVariables: process environment only', () => {
  it('returns the defined, non-empty process variables', () => {
    const loaded = loadVariables({
      env: { PINGONE_REGION: 'EU', EMPTY: '', UNSET: undefined },
      targets: TARGETS,
    });
    expect(loaded).toEqual({ variables: { PINGONE_REGION: 'EU' }, source: 'process environment' });
  });
});

describe('loadVariables: dotenv file', () => {
  it('reads KEY=VALUE lines, comments, export, quotes and multi-line quoted values', () => {
    const file = tempFile(
      'pingone.env',
      [
        '# a comment',
        '',
        'PINGONE_REGION=EU',
        'export PINGONE_CLIENT_ID=3f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
        'PINGONE_CLIENT_SECRET="quoted # not a comment"',
        "MULTI='line one",
        "line two'",
        '  INDENTED = spaced   # trailing comment',
      ].join('\n'),
    );
    const loaded = loadVariables({ envFile: file, env: {}, targets: TARGETS });
    expect(loaded.source).toBe(file);
    expect(loaded.variables).toEqual({
      PINGONE_REGION: 'EU',
      PINGONE_CLIENT_ID: '3f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      PINGONE_CLIENT_SECRET: 'quoted # not a comment',
      MULTI: 'line one\nline two',
      INDENTED: 'spaced',
    });
  });

  it('lets a non-empty process variable win over the file, but not an empty one', () => {
    const file = tempFile('pingone.env', 'PINGONE_REGION=EU\nPINGONE_ORG_ID=from-file\n');
    const loaded = loadVariables({
      envFile: file,
      env: { PINGONE_REGION: 'AU', PINGONE_ORG_ID: '' },
      targets: TARGETS,
    });
    expect(loaded.variables.PINGONE_REGION).toBe('AU');
    expect(loaded.variables.PINGONE_ORG_ID).toBe('from-file');
  });

  it('names the file and the line number of a malformed line, without its content', () => {
    const file = tempFile(
      'pingone.env',
      'PINGONE_REGION=EU\n# fine\n\nPINGONE_CLIENT_SECRET hunter2-secret\n',
    );
    const error = fileError(file);
    expect(error.message).toContain(`${file} line 4 is not KEY=VALUE`);
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('reports the line where an unclosed quoted value starts', () => {
    const file = tempFile('pingone.env', 'A=1\nPINGONE_CLIENT_SECRET="never closed\nB=2\n');
    expect(fileError(file).message).toContain(`${file} line 2 opens a "-quoted value that is never closed`);
  });

  it('names a file that does not exist', () => {
    const error = fileError('env/does-not-exist.env');
    expect(error.message).toContain('env/does-not-exist.env does not exist');
  });

  it('accepts the committed env/pingone.env.example, which documents every variable', () => {
    const example = 'env/pingone.env.example';
    const loaded = loadVariables({ envFile: example, env: {}, targets: TARGETS });
    expect(loaded.variables.PINGONE_REGION).toBe('NA');
    const text = readFileSync(example, 'utf8');
    for (const spec of PINGONE_VARIABLE_RULES.variables) expect(text).toContain(`${spec.name}=`);
  });
});

describe('loadVariables: Postman environment export', () => {
  it('maps the template keys, fills {{tld}}, and reports the source', () => {
    const file = tempFile(
      'my-env.json',
      postman([
        { key: 'tld', value: 'eu', enabled: true },
        { key: 'authPath', value: 'https://auth.pingone.{{tld}}', enabled: true },
        { key: 'apiPath', value: 'https://api.pingone.{{tld}}/v1', enabled: true },
        { key: 'adminEnvID', value: '8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d', enabled: true },
        { key: 'adminAppID', value: '3f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b' },
        { key: 'adminAppSecret', value: 'postman-secret', type: 'secret', enabled: true },
        { key: 'orgID', value: '11111111-2222-4333-8444-555555555555', enabled: true },
        { key: 'licenseID', value: '21111111-2222-4333-8444-555555555555', enabled: true },
        { key: 'envID', value: '', enabled: true },
        { key: 'accessToken', value: 'not-mapped', enabled: true },
      ]),
    );
    const loaded = loadVariables({ envFile: file, env: {}, targets: TARGETS });
    expect(loaded.source).toBe(`postman environment ${file}`);
    expect(loaded.variables).toEqual({
      PINGONE_API_URL: 'https://api.pingone.eu/v1',
      PINGONE_AUTH_URL: 'https://auth.pingone.eu',
      PINGONE_ADMIN_ENV_ID: '8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d',
      PINGONE_CLIENT_ID: '3f1c2e4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      PINGONE_CLIENT_SECRET: 'postman-secret',
      PINGONE_ORG_ID: '11111111-2222-4333-8444-555555555555',
      PINGONE_LICENSE_ID: '21111111-2222-4333-8444-555555555555',
    });
  });

  it('defaults tld to com, maps a non-empty envID, ignores disabled values, takes PINGONE_* keys as is', () => {
    const file = tempFile(
      'exported.postman_environment.json',
      postman([
        { key: 'apiPath', value: 'https://api.pingone.{{tld}}/v1', enabled: true },
        { key: 'envID', value: '31111111-2222-4333-8444-555555555555', enabled: true },
        { key: 'adminAppSecret', value: 'disabled-secret', enabled: false },
        { key: 'PINGONE_NO_ROLE_CLIENT_ID', value: '51111111-2222-4333-8444-555555555555', enabled: true },
        { key: 'adminAppID', value: 'mapped-id', enabled: true },
        { key: 'PINGONE_CLIENT_ID', value: 'explicit-id', enabled: true },
      ]),
    );
    const { variables } = loadVariables({ envFile: file, env: { PINGONE_REGION: 'EU' }, targets: TARGETS });
    expect(variables).toEqual({
      PINGONE_API_URL: 'https://api.pingone.com/v1',
      PINGONE_ENV_ID: '31111111-2222-4333-8444-555555555555',
      PINGONE_NO_ROLE_CLIENT_ID: '51111111-2222-4333-8444-555555555555',
      PINGONE_CLIENT_ID: 'explicit-id',
      PINGONE_REGION: 'EU',
    });
  });

  it('names the file and the place of a JSON syntax error, without the text around it', () => {
    const file = tempFile(
      'broken.json',
      '{\n  "values": [\n    {"key": "adminAppSecret", "value": "leaky-secret" oops}\n  ]\n}',
    );
    const error = fileError(file);
    expect(error.message).toContain(
      `${file} is not a Postman environment export: its JSON is malformed at line 3`,
    );
    expect(error.message).not.toContain('leaky-secret');
  });

  it('names what is wrong with the structure', () => {
    expect(fileError(tempFile('a.json', '{"name":"x"}')).message).toContain('it has no "values" array');
    expect(fileError(tempFile('b.json', '[]')).message).toContain('it has no "values" array');
    expect(fileError(tempFile('c.json', postman([{ value: 'v' }]))).message).toContain(
      'values[0] has no "key"',
    );
    expect(fileError(tempFile('d.json', postman([{ key: 'tld', value: { x: 1 } }]))).message).toContain(
      'the value of "tld" is not a string',
    );
  });

  it('detects a Postman export by content even without a .json name', () => {
    const file = tempFile(
      'pingone-postman.txt',
      postman([{ key: 'adminEnvID', value: 'abc', enabled: true }]),
    );
    const loaded = loadVariables({ envFile: file, env: {}, targets: TARGETS });
    expect(loaded.source).toBe(`postman environment ${file}`);
    expect(loaded.variables).toEqual({ PINGONE_ADMIN_ENV_ID: 'abc' });
  });
});
