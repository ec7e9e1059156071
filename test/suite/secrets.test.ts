import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getPingOneFault } from '../../src/emulator/pingone/index.ts';
import { runSuiteAgainst, type SuiteRun } from '../support/standalone-run.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

/**
 * Plants a canary client secret, runs a passing flow and failing flows whose evidence holds
 * secrets (a token response, a TOTP device with its secret), and scans every output and
 * report file for the canary and for every secret the emulator saw or issued.
 */
const CANARY = `canary-${Math.random().toString(36).slice(2)}-client-secret`;
const seen = new Set<string>([CANARY]);

/** Not a defect: a tap that remembers every secret crossing the emulator. */
const tap: EmulatorFault = {
  name: 'secret-tap',
  description: 'records passwords, OTPs and TOTP secrets for the leak scan',
  harmful: false,
  intercept: async (request, next) => {
    const text = request.rawBody.toString();
    if (text.startsWith('{')) {
      const body = JSON.parse(text) as Record<string, unknown>;
      for (const key of ['value', 'otp', 'password']) if (typeof body[key] === 'string') seen.add(body[key]);
    }
    const response = await next();
    const out = response.body as Record<string, unknown> | undefined;
    for (const key of ['secret', 'keyUri', 'access_token']) if (typeof out?.[key] === 'string') seen.add(out[key] as string);
    return response;
  },
};

const runs: SuiteRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

async function scannedRun(faultNames: string[]): Promise<SuiteRun> {
  const faults = faultNames.map((name) => getPingOneFault(name) as EmulatorFault);
  const run = await runSuiteAgainst({ clientSecret: CANARY, faults: [tap, ...faults] }, ['--reporter', 'junit', '--output-file', 'junit=junit.xml']);
  runs.push(run);
  for (const token of run.emulator.tenant.issuedTokens) seen.add(token.accessToken);
  const basic = Buffer.from(`${run.emulator.env().PINGONE_CLIENT_ID}:${CANARY}`).toString('base64');
  seen.add(basic);
  return run;
}

function outputs(run: SuiteRun): Record<string, string> {
  const files: Record<string, string> = { stdout: run.stdout, stderr: run.stderr };
  for (const name of ['report.json', 'junit.xml', 'emulator.env']) {
    const file = join(run.directory, name);
    if (existsSync(file) && name !== 'emulator.env') files[name] = readFileSync(file, 'utf8');
  }
  return files;
}

describe.concurrent('no secret leaves a run', () => {
  for (const faults of [[], ['token-wrong-type'], ['device-missing-status']]) {
    test(`faults [${faults.join(', ')}]: no secret in stdout, stderr, JSON or JUnit report`, async () => {
      const run = await scannedRun(faults);
      expect(run.code, run.stderr).toBe(faults.length === 0 ? 0 : 1);
      const files = outputs(run);
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['report.json']));
      expect(seen.size).toBeGreaterThan(1);
      for (const [where, text] of Object.entries(files)) {
        for (const secret of seen) {
          expect(text.includes(secret), `${where} contains a secret`).toBe(false);
          expect(text.includes(Buffer.from(secret).toString('base64')), `${where} contains a base64 secret`).toBe(false);
        }
      }
    });
  }
});
