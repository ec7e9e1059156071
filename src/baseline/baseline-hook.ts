import { isCheckSkip, type CheckContext } from '../flow/run/check-context.ts';
import { DEVIATION_ANNOTATION } from './accepted-deviations.ts';
import { deviationFor, judgeOutcome, type Observed } from './judge-outcome.ts';
import { observedOutcome } from './observed-outcome.ts';
import { noteObserved } from './observed-meta.ts';
import type { ActiveBaseline, RecordedOutcome } from './known-deviation.ts';

/**
 * Runs one check (a step or a probe) under the known-deviations baseline: an unlisted check
 * behaves as if there were no baseline; a listed one must fail exactly as recorded, and then
 * passes with a "known deviation: <reason>" annotation. Returns the body's value, or undefined
 * for an accepted deviation. A listed check that is skipped is annotated as not verified.
 */
export async function checkAgainstBaseline<T>(
  context: CheckContext,
  checkId: string,
  body: () => Promise<T>,
  baseline: ActiveBaseline,
  unconfirmedOf?: (value: T) => RecordedOutcome | undefined,
): Promise<T | undefined> {
  let value: T | undefined;
  let observed: Observed;
  try {
    value = await body();
    const unconfirmed = unconfirmedOf?.(value);
    observed = unconfirmed ? { passed: true, unconfirmed } : { passed: true };
  } catch (error) {
    if (isCheckSkip(error) && deviationFor(baseline, checkId)) {
      await context.annotate(`known deviation not verified: ${checkId} was skipped`, DEVIATION_ANNOTATION);
    }
    if (isCheckSkip(error)) throw error;
    observed = { passed: false, error };
  }
  const judgement = judgeOutcome(baseline, checkId, observed);
  // What --write-baseline records: a failure, or an inferred miss reported unconfirmed (so the
  // file holds under --strict too).
  const outcome = observed.passed ? observed.unconfirmed : observedOutcome(observed.error);
  if (outcome) {
    const accepted = judgement.verdict === 'pass' ? judgement.deviation : undefined;
    noteObserved(context, {
      check: checkId,
      outcome,
      ...(accepted ? { reason: accepted.reason } : {}),
      ...(accepted?.tenant === undefined ? {} : { tenant: accepted.tenant }),
    });
  }
  if (judgement.verdict === 'fail') throw judgement.error;
  if (judgement.note) await context.annotate(judgement.note, DEVIATION_ANNOTATION);
  return value;
}
