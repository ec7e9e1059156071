import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { writeEnv } from '../cleanup/support/spawn-run.ts';
import { readJsonReport, stepResult } from '../support/json-report.ts';
import { runCli } from '../support/run-cli.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

const started: RunningPingOneEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

// Attack: a token endpoint that accepts the connection and never answers cost the request
// timeout again in every suite file (5–7 minutes at 30 s). After the first time-out, the run
// must not ask again: the dependants skip, naming the failure.
test('a hung token endpoint is waited for once per run, not once per suite file', async () => {
  const tokenRequests: string[] = [];
  const hangTokenEndpoint: EmulatorFault = {
    name: 'hang-token-endpoint',
    description: 'never answers POST .../as/token',
    harmful: true,
    intercept: (request, next) => {
      // The auth server's token endpoint only: the api-host probe's /v1/…/as/token still answers.
      if (request.method !== 'POST' || !request.path.endsWith('/as/token') || request.path.startsWith('/v1/'))
        return next();
      tokenRequests.push(request.path);
      return new Promise(() => {});
    },
  };
  const emulator = await startPingOneEmulator({ faults: [hangTokenEndpoint] });
  started.push(emulator);
  const directory = mkdtempSync(join(tmpdir(), 'idflow-token-hang-'));
  const envFile = writeEnv(directory, emulator.env());
  const report = join(directory, 'report.json');
  const run = await runCli(
    [
      'run',
      '--target',
      'pingone',
      '--env',
      envFile,
      '--reporter',
      'dot',
      '--reporter',
      'json',
      '--output-file',
      `json=${report}`,
    ],
    { cwd: directory, env: { IDFLOW_REQUEST_TIMEOUT: '1s' }, timeoutMs: 110_000 },
  );
  const output = run.stdout + run.stderr;
  expect(run.code, output).toBe(1);
  const tests = readJsonReport(report);
  expect(stepResult(tests, '01-get-access-token')?.status, output).toBe('failed');
  expect(stepResult(tests, '01-get-access-token')?.failureMessages.join('\n')).toContain(
    'timed out after 1000 ms',
  );
  // The preflight's ask (no answer: left to the run's steps), then one step's attempt (a POST is
  // not repeated after a time-out), not one per file or probe.
  expect(tokenRequests.length, output).toBe(2);
  const identityAdmin = tests.find((each) =>
    each.title.startsWith('05-create-user/identity-data-admin-allowed'),
  );
  expect(identityAdmin?.status, output).toBe('skipped');
}, 120_000);
