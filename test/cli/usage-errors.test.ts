import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const directory = mkdtempSync(join(tmpdir(), 'idflow-usage-'));
function envFile(name: string, text: string): string {
  const file = join(directory, name);
  writeFileSync(file, text);
  return file;
}

const SECRET = 'usage-test-secret-9d8c7b6a';
const complete = [
  'PINGONE_ADMIN_ENV_ID=0f3c1b7e-6a52-4f1e-9a8b-2c4d6e8f0a1b',
  'PINGONE_CLIENT_ID=5b2f7c9d-1e3a-4b5c-8d7e-9f0a1b2c3d4e',
  `PINGONE_CLIENT_SECRET=${SECRET}`,
];

/** Each mistake: exit code 2, a message naming what to fix, no stack trace, no secret. */
describe.concurrent('bad input exits 2 with a message naming the fix', () => {
  const cases: Array<{ name: string; args: () => string[]; says: string }> = [
    { name: 'unknown command', args: () => ['frobnicate'], says: 'unknown command "frobnicate"' },
    { name: 'unknown option', args: () => ['run', '--colour'], says: "Unknown option '--colour'" },
    { name: 'unknown target', args: () => ['run', '--target', 'okta'], says: 'unknown target "okta"' },
    { name: 'missing env file', args: () => ['run', '--env', join(directory, 'nope.env')], says: 'nope.env' },
    {
      name: 'env file without target variables',
      args: () => ['run', '--env', envFile('empty.env', 'OTHER=1\n')],
      says: 'holds no PingOne Platform API (see env/pingone.env.example) or Lerian Identity',
    },
    {
      name: 'unknown region',
      args: () => ['run', '--env', envFile('region.env', [...complete, 'PINGONE_REGION=MARS'].join('\n'))],
      says: 'PINGONE_REGION',
    },
    {
      name: 'missing client secret',
      args: () => ['run', '--env', envFile('partial.env', complete.slice(0, 2).join('\n'))],
      says: 'PINGONE_CLIENT_SECRET',
    },
    {
      name: 'malformed dotenv line',
      args: () => [
        'run',
        '--env',
        envFile('malformed.env', [...complete, 'this is not a variable'].join('\n')),
      ],
      says: 'line 4',
    },
    {
      name: 'malformed Postman export',
      args: () => ['run', '--env', envFile('postman.json', '{"values": [')],
      says: 'postman.json',
    },
    {
      name: 'bad emulator port',
      args: () => ['emulator', '--port', 'abc'],
      says: '--port must be a whole number',
    },
    {
      name: 'compare with one results file',
      args: () => ['compare', join(directory, 'results.json')],
      says: 'idflow compare takes two results files, OLD and NEW; only one was given',
    },
    {
      name: 'unknown emulator fault',
      args: () => ['emulator', '--fault', 'gremlins'],
      says: 'unknown fault "gremlins"',
    },
  ];
  for (const { name, args, says } of cases) {
    test(name, async () => {
      const result = await runCli(args(), { timeoutMs: 30_000 });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(says);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    });
  }
});

test('help prints the usage and exits 0', async () => {
  const result = await runCli(['help']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('idflow run');
  expect(result.stdout).toContain('Exit codes: 0');
});
