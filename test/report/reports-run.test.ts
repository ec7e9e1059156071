import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getPingOneFault, startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import type { RunResults } from '../../src/report/results.ts';
import { createAjv } from '../../src/schema/create-ajv.ts';
import { echoAuthorization, secretTap } from '../support/echo-authorization.ts';
import { launchChromium, watchedPage } from '../support/headless-chromium.ts';
import { runCli, type CliResult } from '../support/run-cli.ts';
import { findLeaks, SecretSet } from '../support/secret-scan.ts';
import { harErrors } from './har-validator.ts';
import { junitErrors } from './junit-validator.ts';

/**
 * The done-when, as a user's nightly job meets it: one failing `idflow run` (a device
 * answer without its status, against a tenant echoing the Authorization header everywhere) with
 * `--report junit --report html --report har --report json` in a GitHub Actions job. Every
 * report is checked against its published schema or in a real browser, and none of them, nor the
 * console, holds a secret in any form.
 */
const random = Math.random().toString(36).slice(2);
const CANARY_SECRET = `canary-${random}-client-secret`;
const secrets = new SecretSet();
let run: CliResult;
let folder: string;
let summaryFile: string;
let results: RunResults;
const closing: Array<() => Promise<void>> = [];

function fault(name: string) {
  const found = getPingOneFault(name);
  if (!found) throw new Error(`no fault ${name}`);
  return found;
}

beforeAll(async () => {
  const emulator = await startPingOneEmulator({
    clientSecret: CANARY_SECRET,
    faults: [echoAuthorization(), fault('device-missing-status'), secretTap(secrets)],
  });
  closing.push(() => emulator.close());
  const directory = mkdtempSync(join(tmpdir(), 'idflow-reports-'));
  const envFile = join(directory, 'tenant.env');
  writeFileSync(
    envFile,
    Object.entries(emulator.env())
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  );
  summaryFile = join(directory, 'step-summary.md');
  writeFileSync(summaryFile, '# earlier step\n');
  run = await runCli(
    ['run', '--target', 'pingone', '--env', envFile, '--report', 'junit', '--report', 'html'] //
      .concat(['--report', 'har', '--report', 'json']),
    { cwd: directory, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile } },
  );
  secrets.add('client secret', CANARY_SECRET);
  secrets.add(
    'Basic credentials',
    Buffer.from(`${emulator.env().PINGONE_CLIENT_ID}:${CANARY_SECRET}`).toString('base64'),
  );
  for (const token of emulator.tenant.issuedTokens) secrets.add('issued access token', token.accessToken);
  const runs = readdirSync(join(directory, 'reports'));
  expect(runs, run.stderr).toHaveLength(1);
  folder = join(directory, 'reports', runs[0] as string);
  results = JSON.parse(readFileSync(join(folder, 'results.json'), 'utf8')) as RunResults;
}, 180_000);

afterAll(async () => {
  for (const close of closing) await close();
});

function failedChecks(): string[] {
  return results.targets.flatMap((target) =>
    target.checks.filter((check) => check.status === 'failed').map((check) => check.id),
  );
}

describe('the reports of a failing run in a GitHub Actions job', () => {
  test('the run fails (exit 1) and names every report it wrote under reports/<run id>/', () => {
    expect(run.code, run.stderr).toBe(1);
    for (const name of ['junit.xml', 'report.html', 'run.har', 'results.json'])
      expect(existsSync(join(folder, name)), name).toBe(true);
    expect(run.stderr).toContain(`idflow: reports: ${join(folder, 'junit.xml')}`);
    expect(failedChecks().length).toBeGreaterThan(0);
  });

  test('results.json follows its schema, and the run id is the folder’s and the one resources were tagged with', () => {
    const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas/idflow/results.schema.json'), 'utf8'));
    const validate = createAjv().compile(schema);
    expect(validate(results), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(folder.endsWith(results.run.id)).toBe(true);
    expect(results.run.outcome).toBe('failed');
    expect(run.stderr).toContain(`pingone run ${results.run.id} against`);
    const [target] = results.targets;
    expect(target?.exchanges.length).toBeGreaterThan(100);
    // Every exchange belongs to a check that lists it, in the order sent.
    for (const exchange of target?.exchanges ?? [])
      expect(target?.checks.find((check) => check.id === exchange.check)?.exchanges).toContain(
        exchange.index,
      );
    // The echo reached the evidence (masked), so the secret scan below is not vacuous.
    expect(JSON.stringify(results)).toContain('Bearer [REDACTED]');
  });

  test('the JUnit file validates and carries skip reasons and the failure', async () => {
    const xml = readFileSync(join(folder, 'junit.xml'), 'utf8');
    expect(await junitErrors(xml)).toEqual([]);
    const skipped = results.targets[0]?.checks.find(
      (check) => check.status === 'skipped' && check.skipReason,
    );
    expect(skipped).toBeDefined();
    expect(xml).toContain(`<skipped>${(skipped?.skipReason ?? '').slice(0, 40)}`);
    for (const id of failedChecks())
      expect(xml).toMatch(new RegExp(`<testcase name="${id}[:/][^"]*"[^>]*>\\s*<failure`));
  });

  test('GitHub gets at least one ::error per failed check, at its definition, and a step summary appended', () => {
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error '));
    for (const id of failedChecks())
      expect(errors.some((line) => line.includes(`title=pingone%3A ${id}`) || line.includes(id))).toBe(true);
    expect(
      errors.every((line) => /^::error file=src\/targets\/pingone\/|^::error file=suites\//.test(line)),
    ).toBe(true);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('# earlier step\n')).toBe(true);
    for (const id of failedChecks()) expect(summary).toContain(id);
  });

  test('the HAR validates against HAR 1.2, one entry per exchange', () => {
    const har = JSON.parse(readFileSync(join(folder, 'run.har'), 'utf8')) as { log: { entries: unknown[] } };
    expect(harErrors(har)).toEqual([]);
    expect(har.log.entries).toHaveLength(results.targets[0]?.exchanges.length ?? -1);
  });

  test('headless Chromium renders the HTML report quietly, showing the failing check with expected/given', async () => {
    const browser = await launchChromium();
    try {
      const { page, activity, visit } = await watchedPage(browser);
      const url = pathToFileURL(join(folder, 'report.html')).href;
      await visit(url);
      const text = await page.locator('body').innerText();
      const failed = results.targets[0]?.checks.find((check) => check.status === 'failed');
      const miss = failed?.expectations.find((expectation) => !expectation.passed);
      expect(text).toContain(failed?.id);
      expect(miss).toBeDefined();
      expect(text).toContain(`${miss?.name}\t${miss?.expected}\t${miss?.given.split('\n')[0]}`);
      expect(activity.consoleErrors).toEqual([]);
      expect(activity.pageErrors).toEqual([]);
      expect(activity.requests).toEqual([url]);
      const dom = await page.content();
      expect(findLeaks({ dom }, secrets)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('no secret in any form in stdout, stderr, or any report (canary)', () => {
    const outputs: Record<string, string> = { stdout: run.stdout, stderr: run.stderr };
    for (const name of readdirSync(folder)) outputs[name] = readFileSync(join(folder, name), 'utf8');
    outputs['step summary'] = readFileSync(summaryFile, 'utf8');
    expect(Object.keys(outputs)).toHaveLength(7);
    expect(secrets.labels()).toEqual(expect.arrayContaining(['issued access token', 'client secret']));
    expect(findLeaks(outputs, secrets)).toEqual([]);
  });
});
