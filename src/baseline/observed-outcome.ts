import { IdflowError } from '../errors/idflow-error.ts';
import { StepFailedError } from '../flow/step/step-failed-error.ts';
import type { RecordedOutcome } from './known-deviation.ts';

/** How a check ended this run, in the terms a baseline entry records. */
export function observedOutcome(error: unknown): RecordedOutcome {
  if (error instanceof StepFailedError) {
    const failed = error.results.find((result) => !result.passed);
    return failed ? { code: error.code, check: failed.name, given: failed.given } : { code: error.code };
  }
  if (error instanceof IdflowError) return { code: error.code };
  return { code: error instanceof Error ? error.name : 'ERROR' };
}

/** True when `observed` is the outcome `recorded` describes (fields `recorded` omits match anything). */
export function outcomeMatches(recorded: RecordedOutcome, observed: RecordedOutcome): boolean {
  return (
    recorded.code === observed.code &&
    (recorded.check === undefined || recorded.check === observed.check) &&
    (recorded.given === undefined || recorded.given === observed.given)
  );
}

/** `CHECK_FAILED at "GET shows mfaEnabled true after the PUT", given false`. */
export function describeOutcome(outcome: RecordedOutcome): string {
  const at = outcome.check === undefined ? '' : ` at "${outcome.check}"`;
  const given = outcome.given === undefined ? '' : `, given ${outcome.given}`;
  return `${outcome.code}${at}${given}`;
}
