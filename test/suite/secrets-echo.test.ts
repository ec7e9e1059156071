import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  getLerianIdentityFault,
  startLerianIdentityEmulator,
} from '../../src/emulator/lerian-identity/index.ts';
import { getPingOneFault, startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { createAjv } from '../../src/schema/create-ajv.ts';
import { echoAuthorization, secretTap } from '../support/echo-authorization.ts';
import { runCli, type CliResult } from '../support/run-cli.ts';
import { findLeaks, runOutputs, SecretSet } from '../support/secret-scan.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

/**
 * A tenant that echoes the request's Authorization header back (in `Correlation-Id`,
 * `WWW-Authenticate`, body fields and error messages) must not make any reporter print a
 * credential: the client secret, the Basic header's base64 of `id:secret`, the admin password,
 * or any token. Each case runs `idflow run` in a child process with console reporters (default,
 * verbose, dot, tap) and the JUnit and JSON files, and scans all of it for every secret in every
 * form.
 */
const random = Math.random().toString(36).slice(2);
const CANARY_SECRET = `canary-${random}-client-secret`;
const CANARY_PASSWORD = `Canary-${random}-Adm1n!`;
const FILES = ['junit=junit.xml', 'json=report.json'];

interface Closable {
  env(): Record<string, string>;
  close(): Promise<void>;
}

const emulators: Closable[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((emulator) => emulator.close()));
});

function fault(lookup: (name: string) => EmulatorFault | undefined, name: string): EmulatorFault {
  const found = lookup(name);
  if (!found) throw new Error(`no fault ${name}`);
  return found;
}

async function echoRun(
  target: string,
  emulator: Closable,
  reporters: readonly string[],
): Promise<CliResult & { directory: string }> {
  emulators.push(emulator);
  const directory = mkdtempSync(join(tmpdir(), 'idflow-echo-'));
  const envFile = join(directory, 'tenant.env');
  writeFileSync(
    envFile,
    Object.entries(emulator.env())
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  );
  const outputs = FILES.flatMap((file) => [
    '--reporter',
    file.split('=')[0] as string,
    '--output-file',
    file,
  ]);
  const reporterArgs = reporters.flatMap((reporter) => ['--reporter', reporter]);
  // idflow's own reports too, GitHub's included (annotations on stdout, the summary to a file).
  const reports = ['junit', 'json', 'html', 'har'].flatMap((kind) => ['--report', kind]);
  const result = await runCli(
    ['run', '--target', target, '--env', envFile, ...reporterArgs, ...outputs, ...reports],
    {
      cwd: directory,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(directory, 'step-summary.md') },
    },
  );
  return { ...result, directory };
}

const validateResults = createAjv().compile(
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas/idflow/results.schema.json'), 'utf8')) as object,
);

function resultsProblems(value: unknown): string[] {
  return validateResults(value)
    ? []
    : (validateResults.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** idflow's own report files, as `--report` writes them into reports/<run id>/. */
const IDFLOW_REPORTS = ['junit.xml (--report)', 'report.html', 'results.json', 'run.har'];

/** The files of the run's reports folder, by name (the JUnit one marked apart from vitest's). */
function idflowReports(run: { directory: string }): Record<string, string> {
  const root = join(run.directory, 'reports');
  if (!existsSync(root)) return {};
  const files: Record<string, string> = {};
  for (const id of readdirSync(root))
    for (const name of readdirSync(join(root, id)).sort())
      files[name === 'junit.xml' ? 'junit.xml (--report)' : name] = readFileSync(
        join(root, id, name),
        'utf8',
      );
  return files;
}

const CASES = [
  // A step fails (a device without status) and errors lose their code: the evidence quotes
  // exchanges whose headers, body and error message echo the Bearer header.
  {
    target: 'pingone',
    faults: ['device-missing-status', 'error-without-code'],
    reporters: ['default', 'dot'],
    code: 1,
    echo: 'Bearer [REDACTED]',
  },
  // A token answer against the docs: the preflight (idflow doctor) stops the run before any
  // report is written, so only the console is scanned; it quotes no exchange (no echo to find).
  {
    target: 'pingone',
    faults: ['token-wrong-type'],
    reporters: ['verbose', 'tap-flat'],
    code: 1,
    echo: undefined,
  },
  { target: 'pingone', faults: [], reporters: ['verbose'], code: 0, echo: undefined },
  {
    target: 'lerian-identity',
    faults: ['error-without-code'],
    reporters: ['verbose'],
    code: 1,
    echo: 'Bearer [REDACTED]',
  },
  { target: 'lerian-identity', faults: [], reporters: ['default'], code: 0, echo: undefined },
] as const;

describe.concurrent(
  'an echoed Authorization header leaves no secret in any report',
  { timeout: 180_000 },
  () => {
    for (const { target, faults, reporters, code, echo } of CASES) {
      test(`${target} [${faults.join(', ')}] with ${reporters.join(' + ')}, junit and json`, async () => {
        const secrets = new SecretSet();
        let run: CliResult & { directory: string };
        if (target === 'pingone') {
          const emulator = await startPingOneEmulator({
            clientSecret: CANARY_SECRET,
            faults: [
              echoAuthorization(),
              ...faults.map((name) => fault(getPingOneFault, name)),
              secretTap(secrets),
            ],
          });
          run = await echoRun(target, emulator, reporters);
          secrets.add('client secret', CANARY_SECRET);
          const basic = Buffer.from(`${emulator.env().PINGONE_CLIENT_ID}:${CANARY_SECRET}`).toString(
            'base64',
          );
          secrets.add('Basic credentials', basic);
          for (const token of emulator.tenant.issuedTokens)
            secrets.add('issued access token', token.accessToken);
        } else {
          const emulator = await startLerianIdentityEmulator({
            adminPassword: CANARY_PASSWORD,
            clientSecret: CANARY_SECRET,
            faults: [
              echoAuthorization(),
              ...faults.map((name) => fault(getLerianIdentityFault, name)),
              secretTap(secrets),
            ],
          });
          run = await echoRun(target, emulator, reporters);
          secrets.add('admin password', CANARY_PASSWORD);
          secrets.add('client secret', CANARY_SECRET);
          for (const token of emulator.directory.issuedTokens) {
            secrets.add('issued access token', token.accessToken);
            secrets.add('issued refresh token', token.refreshToken);
          }
        }
        expect(run.code, run.stdout + run.stderr).toBe(code);
        const outputs = {
          ...runOutputs(run, ['junit.xml', 'report.json', 'step-summary.md']),
          ...idflowReports(run),
        };
        const preflightStopped = faults.some((name) => name === 'token-wrong-type');
        expect(Object.keys(outputs)).toEqual(
          preflightStopped
            ? ['stdout', 'stderr']
            : ['stdout', 'stderr', 'junit.xml', 'report.json', 'step-summary.md', ...IDFLOW_REPORTS],
        );
        // The echo really reached the failure reports (masked), so the scan is not vacuous.
        if (echo !== undefined)
          for (const where of ['stderr', 'junit.xml', 'report.json', 'results.json', 'report.html'])
            expect(outputs[where], where).toContain(`Correlation-Id: ${echo}`);
        // Every target's results file follows the schema `idflow compare` reads it with.
        const results = outputs['results.json'];
        if (results !== undefined) expect(resultsProblems(JSON.parse(results) as unknown)).toEqual([]);
        expect(secrets.labels()).toEqual(expect.arrayContaining(['issued access token', 'client secret']));
        expect(findLeaks(outputs, secrets)).toEqual([]);
      });
    }
  },
);
