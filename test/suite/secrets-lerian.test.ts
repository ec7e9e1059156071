import { afterAll, describe, expect, test } from 'vitest';
import {
  getLerianIdentityFault,
  startLerianIdentityEmulator,
} from '../../src/emulator/lerian-identity/index.ts';
import { findLeaks, runOutputs, SecretSet } from '../support/secret-scan.ts';
import { runTargetSuiteAgainst, type TargetSuiteRun } from '../support/standalone-run.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';
import type { RunningLerianIdentityEmulator } from '../../src/emulator/lerian-identity/index.ts';

/**
 * The Lerian twin of secrets.test.ts: plants canary credentials (the admin password and the M2M
 * client secret), runs a passing flow and failing flows whose evidence quotes secret-bearing
 * exchanges (a token where a challenge belongs; a verify and a login that accept a wrong
 * passcode), and scans every output and report for every secret the emulator saw or issued.
 */
const random = Math.random().toString(36).slice(2);
const CANARY_PASSWORD = `Canary-${random}-Adm1n!`;
const CANARY_CLIENT_SECRET = `canary-${random}-client-secret`;

/** Request fields that hold a secret when the emulator accepted them (probes send made-up ones). */
const REQUEST_FIELDS = [
  'password',
  'clientSecret',
  'refreshToken',
  'mfaToken',
  'passcode',
  'recoveryCode',
  'secret',
];
/** Response fields the Auth and Identity plugins issue secrets in. */
const RESPONSE_FIELDS = ['accessToken', 'refreshToken', 'idToken', 'mfaToken', 'secret', 'url'];

function jsonObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function parsed(raw: Buffer): Record<string, unknown> | undefined {
  try {
    return jsonObject(JSON.parse(raw.toString()));
  } catch {
    return undefined;
  }
}

/**
 * Not a defect: remembers every secret crossing the emulator, inside any fault (so it sees what the fault
 * rewrote).
 */
function tap(secrets: SecretSet): EmulatorFault {
  return {
    name: 'secret-tap',
    description:
      'records passwords, client secrets, tokens, mfaTokens, TOTP secrets and URLs, passcodes and ' +
      'recovery codes',
    harmful: false,
    intercept: async (request, next) => {
      const sent = parsed(request.rawBody);
      const response = await next();
      const answer = jsonObject(response.body);
      // A wrong passcode is answered 200 {verified: false}: it was a probe's made-up value, not a secret.
      if (sent && response.status < 300 && answer?.verified !== false) {
        for (const field of REQUEST_FIELDS) secrets.add(`request ${field}`, sent[field]);
      }
      for (const field of RESPONSE_FIELDS) secrets.add(`response ${field}`, answer?.[field]);
      secrets.addAll('response recoveryCodes', answer?.recoveryCodes);
      return response;
    },
  };
}

type LerianRun = TargetSuiteRun<RunningLerianIdentityEmulator>;
const runs: LerianRun[] = [];
afterAll(async () => {
  await Promise.all(runs.map((run) => run.emulator.close()));
});

async function scannedRun(faultNames: readonly string[], secrets: SecretSet): Promise<LerianRun> {
  const faults = faultNames.map((name) => {
    const fault = getLerianIdentityFault(name);
    if (!fault) throw new Error(`no fault ${name}`);
    return fault;
  });
  const emulator = await startLerianIdentityEmulator({
    adminPassword: CANARY_PASSWORD,
    clientSecret: CANARY_CLIENT_SECRET,
    faults: [...faults, tap(secrets)],
  });
  // --strict with a fault: the check that catches it may be inferred, and the scan needs its failure
  // evidence.
  const run = await runTargetSuiteAgainst('lerian-identity', emulator, [
    ...(faultNames.length > 0 ? ['--strict'] : []),
    '--reporter',
    'junit',
    '--output-file',
    'junit=junit.xml',
  ]);
  runs.push(run);
  for (const token of emulator.directory.issuedTokens) {
    secrets.add('issued accessToken', token.accessToken);
    secrets.add('issued refreshToken', token.refreshToken);
  }
  return run;
}

const CASES: ReadonlyArray<{ faults: readonly string[]; failing: readonly string[] }> = [
  { faults: [], failing: [] },
  // 06 gets an OAuth2Token where the challenge belongs: its evidence quotes a token body.
  { faults: ['skips-login-challenge'], failing: ['06-login-mfa-challenge'] },
  // 04c's request carries the TOTP secret; 07b is answered with a token body.
  {
    faults: ['accepts-wrong-passcode'],
    failing: ['04c-mfa-verify-wrong-passcode', '07b-wrong-login-passcode'],
  },
];

describe('no secret leaves a Lerian run', { timeout: 120_000 }, () => {
  for (const { faults, failing } of CASES) {
    test(`faults [${faults.join(', ')}]: no secret in stdout, stderr, JSON or JUnit report`, async () => {
      const secrets = new SecretSet();
      secrets.add('canary admin password', CANARY_PASSWORD);
      secrets.add('canary client secret', CANARY_CLIENT_SECRET);
      const run = await scannedRun(faults, secrets);
      expect(run.code, run.stdout + run.stderr).toBe(faults.length === 0 ? 0 : 1);
      for (const step of failing)
        expect(run.tests.find((each) => each.title.startsWith(`${step}:`))?.status, step).toBe('failed');
      const outputs = runOutputs(run, ['report.json', 'junit.xml']);
      expect(Object.keys(outputs)).toEqual(['stdout', 'stderr', 'report.json', 'junit.xml']);
      // The tap saw every kind of secret the flow handles, so the scan is not vacuous.
      expect(secrets.labels()).toEqual(
        expect.arrayContaining([
          'request password',
          'request clientSecret',
          'request passcode',
          'request recoveryCode',
          'request secret',
          'response accessToken',
          'response refreshToken',
          'response mfaToken',
          'response secret',
          'response url',
          'response recoveryCodes',
        ]),
      );
      expect(findLeaks(outputs, secrets)).toEqual([]);
    });
  }
});
