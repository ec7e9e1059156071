import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { startLocalServer, type LocalServer } from '../support/local-server.ts';

// A URL that names a web page instead of the API: every answer is HTML.
let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<html><body>Welcome to our portal</body></html>');
  });
});
afterAll(() => server.close());

test('a URL that serves a web page instead of the API exits 2 and says so', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-html-'));
  const envFile = join(directory, 'html.env');
  writeFileSync(
    envFile,
    [
      `PINGONE_API_URL=${server.url}/v1`,
      `PINGONE_AUTH_URL=${server.url}`,
      'PINGONE_ADMIN_ENV_ID=0f3c1b7e-6a52-4f1e-9a8b-2c4d6e8f0a1b',
      'PINGONE_CLIENT_ID=5b2f7c9d-1e3a-4b5c-8d7e-9f0a1b2c3d4e',
      'PINGONE_CLIENT_SECRET=html-portal-secret-77a1',
    ].join('\n'),
  );
  const result = await runCli(['run', '--env', envFile]);
  expect(result.code, result.stdout + result.stderr).toBe(2);
  expect(result.stdout + result.stderr).toContain('Not JSON: the answer is text/html');
  expect(result.stdout + result.stderr).not.toContain('html-portal-secret-77a1');
});
