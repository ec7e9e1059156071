import { StepFailedError } from '../../src/flow/step/step-failed-error.ts';
import type { CheckResult } from '../../src/flow/step/checks.ts';
import type { ActiveBaseline, KnownDeviation } from '../../src/baseline/index.ts';

export const FILE = 'suites/pingone/known-deviations.json';

/** A 07b entry as a team would record the mfa-enabled-not-persisted deviation. */
export const MFA_DEVIATION: KnownDeviation = {
  check: '07b-read-user-mfa-enabled',
  outcome: { code: 'CHECK_FAILED', check: 'GET shows mfaEnabled true after the PUT', given: 'false' },
  reason: 'tenant applies mfaEnabled asynchronously (ticket QA-42)',
};

export function baselineOf(...deviations: KnownDeviation[]): ActiveBaseline {
  return { file: FILE, deviations };
}

/** A StepFailedError as executeStep throws it: `code` names the first failing result. */
export function stepFailure(stepId: string, code: string, results: CheckResult[]): StepFailedError {
  const failed = results.find((result) => !result.passed);
  return new StepFailedError({
    code,
    stepId,
    message: `${stepId} failed: ${failed?.name}: expected ${failed?.expected}, given ${failed?.given}`,
    results,
    evidence: { request: 'GET http://127.0.0.1/v1/x', status: 200, curl: "curl 'http://127.0.0.1/v1/x'" },
  });
}

export const STATUS_OK: CheckResult = { name: 'status', passed: true, expected: '200', given: '200' };
export const MFA_FALSE: CheckResult = {
  name: 'GET shows mfaEnabled true after the PUT',
  passed: false,
  expected: 'true',
  given: 'false',
};
