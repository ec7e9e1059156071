import { afterAll, describe, expect, test } from 'vitest';
import { getPingOneFault } from '../../src/emulator/pingone/index.ts';
import { findLeaks, runOutputs, SecretSet } from '../support/secret-scan.ts';
import { runSuiteAgainst, type SuiteRun } from '../support/standalone-run.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

/**
 * Plants a canary client secret, runs a passing flow and failing flows whose evidence holds
 * secrets (a token response, a TOTP device with its secret), and scans every output and
 * report file for the canary and for every secret the emulator saw or issued.
 */
const CANARY = `canary-${Math.random().toString(36).slice(2)}-client-secret`;
const seen = new SecretSet();
seen.add('canary client secret', CANARY);

/** Not a defect: a tap that remembers every secret crossing the emulator. */
const tap: EmulatorFault = {
  name: 'secret-tap',
  description: 'records passwords, OTPs and TOTP secrets for the leak scan',
  harmful: false,
  intercept: async (request, next) => {
    const text = request.rawBody.toString();
    if (text.startsWith('{')) {
      const body = JSON.parse(text) as Record<string, unknown>;
      for (const key of ['value', 'otp', 'password']) seen.add(`request ${key}`, body[key]);
    }
    const response = await next();
    const out = response.body as Record<string, unknown> | undefined;
    for (const key of ['secret', 'keyUri', 'access_token']) seen.add(`response ${key}`, out?.[key]);
    return response;
  },
};

const runs: SuiteRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

async function scannedRun(faultNames: string[]): Promise<SuiteRun> {
  const faults = faultNames.map((name) => getPingOneFault(name) as EmulatorFault);
  const run = await runSuiteAgainst({ clientSecret: CANARY, faults: [tap, ...faults] }, [
    '--reporter',
    'junit',
    '--output-file',
    'junit=junit.xml',
  ]);
  runs.push(run);
  for (const token of run.emulator.tenant.issuedTokens) seen.add('issued access token', token.accessToken);
  const basic = Buffer.from(`${run.emulator.env().PINGONE_CLIENT_ID}:${CANARY}`).toString('base64');
  seen.add('Basic credentials', basic);
  return run;
}

describe.concurrent('no secret leaves a run', { timeout: 120_000 }, () => {
  for (const faults of [[], ['token-wrong-type'], ['device-missing-status']]) {
    test(`faults [${faults.join(', ')}]: no secret in stdout, stderr, JSON or JUnit report`, async () => {
      const run = await scannedRun(faults);
      expect(run.code, run.stderr).toBe(faults.length === 0 ? 0 : 1);
      const files = runOutputs(run, ['report.json', 'junit.xml']);
      // A token answer against the docs stops the run at the preflight (idflow doctor), before any report.
      if (faults.includes('token-wrong-type'))
        expect(run.stderr).toContain('the preflight (idflow doctor) found what stops the run');
      else expect(Object.keys(files)).toEqual(expect.arrayContaining(['report.json']));
      expect(seen.size).toBeGreaterThan(1);
      expect(findLeaks(files, seen)).toEqual([]);
    });
  }
});
