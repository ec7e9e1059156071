import { IdflowError } from '../errors/idflow-error.ts';
import { BaselineMismatchError } from './baseline-mismatch-error.ts';
import { describeOutcome, observedOutcome, outcomeMatches } from './observed-outcome.ts';
import type { ActiveBaseline, KnownDeviation, RecordedOutcome } from './known-deviation.ts';

/** How a check ended: passed, or failed with an error. */
/**
 * How a check ended. A pass may carry the first inferred expectation it missed (reported
 * unconfirmed, not failed): a baseline entry recording exactly that miss still holds.
 */
export type Observed =
  | { readonly passed: true; readonly unconfirmed?: RecordedOutcome }
  | { readonly passed: false; readonly error: unknown };

/** What the test reports: a pass (with a note for an accepted deviation) or a failure to throw. */
export type Judgement =
  | { readonly verdict: 'pass'; readonly deviation?: KnownDeviation; readonly note?: string }
  | { readonly verdict: 'fail'; readonly error: unknown };

/** The baseline entry for `checkId`, if any. */
export function deviationFor(baseline: ActiveBaseline, checkId: string): KnownDeviation | undefined {
  return baseline.deviations.find((deviation) => deviation.check === checkId);
}

function changed(
  checkId: string,
  deviation: KnownDeviation,
  file: string,
  error: unknown,
): BaselineMismatchError {
  const observed = observedOutcome(error);
  const detail = error instanceof Error ? error.message : String(error);
  const entry = JSON.stringify({ check: checkId, outcome: observed, reason: deviation.reason });
  return new BaselineMismatchError({
    code: 'DEVIATION_CHANGED',
    checkId,
    file,
    recorded: deviation.outcome,
    observed,
    fault: error instanceof IdflowError ? error.fault : 'suite',
    cause: error,
    message: [
      `known deviation changed: ${checkId} is listed in ${file} as failing with ` +
        `${describeOutcome(deviation.outcome)}, but this run it failed with ${describeOutcome(observed)}.`,
      `If the new behaviour is accepted, update its entry in ${file} in the same change, e.g. ${entry}; ` +
        `otherwise it is a regression.`,
      '',
      detail,
    ].join('\n'),
  });
}

/**
 * Compares a check's outcome with the baseline. Not listed: the outcome stands. Listed and
 * failing as recorded: a pass, noted "known deviation: <reason>". Listed and failing otherwise:
 * DEVIATION_CHANGED (old vs new outcome, then the original failure). Listed and passing:
 * UNEXPECTED_PASS, asking for the entry's removal.
 */
export function judgeOutcome(baseline: ActiveBaseline, checkId: string, observed: Observed): Judgement {
  const deviation = deviationFor(baseline, checkId);
  if (!deviation) return observed.passed ? { verdict: 'pass' } : { verdict: 'fail', error: observed.error };
  const on = deviation.tenant === undefined ? '' : ` on ${deviation.tenant}`;
  const note = `known deviation: ${deviation.reason} (${describeOutcome(deviation.outcome)}${on}, accepted in ${baseline.file})`;
  if (observed.passed && observed.unconfirmed && outcomeMatches(deviation.outcome, observed.unconfirmed)) {
    return { verdict: 'pass', deviation, note };
  }
  if (observed.passed) {
    return {
      verdict: 'fail',
      error: new BaselineMismatchError({
        code: 'UNEXPECTED_PASS',
        checkId,
        file: baseline.file,
        recorded: deviation.outcome,
        message:
          `unexpected pass: ${checkId} now behaves as documented, but ${baseline.file} lists it ` +
          `as a known deviation (${describeOutcome(deviation.outcome)}: ${deviation.reason}). ` +
          `Remove ${checkId} from ${baseline.file} in the same change.`,
      }),
    };
  }
  if (!outcomeMatches(deviation.outcome, observedOutcome(observed.error))) {
    return { verdict: 'fail', error: changed(checkId, deviation, baseline.file, observed.error) };
  }
  return { verdict: 'pass', deviation, note };
}
