import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/** `idflow export`: the real command, its files and its usage errors. */
const directory = mkdtempSync(join(tmpdir(), 'idflow-export-'));
const SECRET = 'export-canary-secret-9f3b2c';
const envFile = join(directory, 'pingone.env');
writeFileSync(
  envFile,
  [
    'PINGONE_API_URL=http://127.0.0.1:9/v1',
    'PINGONE_AUTH_URL=http://127.0.0.1:9',
    'PINGONE_ADMIN_ENV_ID=8a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d',
    'PINGONE_CLIENT_ID=9a1b2c3d-4e5f-4a6b-9c7d-0e1f2a3b4c5d',
    `PINGONE_CLIENT_SECRET=${SECRET}`,
    '',
  ].join('\n'),
);

interface EnvironmentFile {
  name: string;
  _postman_variable_scope: string;
  values: Array<{ key: string; value: string; type: string; enabled: boolean }>;
}
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

describe.concurrent('idflow export', () => {
  test('writes the collection and an environment with empty values; prints the paths', async () => {
    const out = join(directory, 'plain');
    const result = await runCli(['export', '--target', 'pingone', '--format', 'postman', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(join(out, 'pingone.postman_collection.json'));
    const collection = readJson<{ info: { name: string }; item: Array<{ name: string }> }>(
      join(out, 'pingone.postman_collection.json'),
    );
    expect(collection.item[0]?.name).toBe('01-get-access-token');
    expect(collection.item.at(-1)?.name).toBe('99-teardown');
    const environment = readJson<EnvironmentFile>(join(out, 'pingone.postman_environment.json'));
    expect(environment._postman_variable_scope).toBe('environment');
    expect(environment.values.map((value) => value.key)).toEqual(
      expect.arrayContaining(['apiPath', 'authPath', 'adminAppSecret']),
    );
    expect(environment.values.every((value) => value.value === '')).toBe(true);
    expect(environment.values.find((value) => value.key === 'adminAppSecret')?.type).toBe('secret');
  });

  test('--env fills the environment, the secret typed secret, in the file only (owner-readable)', async () => {
    const out = join(directory, 'filled');
    const result = await runCli([
      'export',
      '--target',
      'pingone',
      '--format',
      'postman',
      '--env',
      envFile,
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    const file = join(out, 'pingone.postman_environment.json');
    const values = readJson<EnvironmentFile>(file).values;
    expect(values.find((value) => value.key === 'adminAppSecret')).toMatchObject({
      value: SECRET,
      type: 'secret',
    });
    expect(values.find((value) => value.key === 'apiPath')).toMatchObject({
      value: 'http://127.0.0.1:9/v1',
      type: 'default',
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(out, 'pingone.postman_collection.json'), 'utf8')).not.toContain(SECRET);
  });

  const notWritable = join(directory, 'read-only');
  mkdirSync(notWritable);
  chmodSync(notWritable, 0o500);
  const aFile = join(directory, 'a-file');
  writeFileSync(aFile, '');

  test.each([
    [['--format', 'postman', '--out', directory], /needs --target/],
    [['--target', 'acme', '--format', 'postman', '--out', directory], /unknown target "acme"/],
    [['--target', 'pingone', '--out', directory], /needs --format: use one of postman/],
    [['--target', 'pingone', '--format', 'insomnia', '--out', directory], /unknown format "insomnia"/],
    [['--target', 'pingone', '--format', 'postman'], /needs --out DIR/],
    [
      ['--target', 'pingone', '--format', 'postman', '--out', aFile],
      /--out .*a-file is not a folder idflow can write to/,
    ],
    [
      [
        '--target',
        'pingone',
        '--format',
        'postman',
        '--env',
        join(directory, 'none.env'),
        '--out',
        directory,
      ],
      /none\.env does not exist/,
    ],
    ...(process.getuid?.() === 0
      ? []
      : [
          [
            ['--target', 'pingone', '--format', 'postman', '--out', notWritable],
            /read-only is not a folder idflow can write to \(EACCES\)/,
          ] as const,
        ]),
  ] as Array<readonly [string[], RegExp]>)(
    'idflow export %j: exit 2 with what to fix',
    async (args, message) => {
      const result = await runCli(['export', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('internal error');
    },
  );
});
