import { checkAgainstBaseline } from '../baseline/baseline-hook.ts';
import { annotateCalibration } from './calibration.ts';
import { annotateDrift } from './drift.ts';
import { describeSettling, settlingWorthTelling } from '../flow/step/settle.ts';
import { failureCode, type StepOutcome } from '../flow/step/execute-step.ts';
import { recordExpectations, recordRunId, recordStatus } from './exchange-meta.ts';
import type { ActiveBaseline, RecordedOutcome } from '../baseline/known-deviation.ts';
import type { CheckContext } from '../flow/run/check-context.ts';
import type { CheckResult } from '../flow/step/checks.ts';
import type { FlowSession } from '../flow/run/session.ts';
import type { StepDefinition } from '../flow/step/step.ts';

/** The first inferred expectation the step missed, as a baseline entry would record it. */
function firstUnconfirmed(outcome: StepOutcome): RecordedOutcome | undefined {
  const miss = outcome.inferred.find((result) => !result.passed);
  return miss && { code: failureCode(miss), check: miss.name, given: miss.given };
}

/**
 * Runs a step as one check: a step whose inputs are missing is reported skipped with the
 * reason; a failed step throws its StepFailedError (expected/given, hint, evidence) unless the
 * target's known-deviations baseline lists that exact failure, in which case the check passes
 * annotated with the reason and the result is undefined. A listed step that passes, or fails
 * differently, fails the check (BaselineMismatchError). A step that had to wait for a new
 * environment to settle is annotated with how long it took and what each ask answered, and one
 * that met inferred expectations or a documented alternative answer with each of them, and one
 * whose answer held fields its schema does not declare with each (drift).
 */
export async function runStepIn(
  context: CheckContext,
  session: FlowSession,
  step: StepDefinition,
  baseline: ActiveBaseline,
): Promise<StepOutcome | undefined> {
  return checkAgainstBaseline(
    context,
    step.id,
    async () => {
      recordRunId(context, session);
      const run = await session.run(step).catch((error: unknown) => {
        const failed = error as { evidence?: { status?: number }; results?: readonly CheckResult[] };
        recordStatus(context, failed.evidence?.status);
        if (Array.isArray(failed.results)) recordExpectations(context, failed.results);
        throw error;
      });
      if (run.status === 'skipped') return context.skip(run.reason);
      recordStatus(context, run.response.status);
      recordExpectations(context, run.results);
      if (run.settling) context.task.meta.settleMs = run.settling.elapsedMs;
      if (settlingWorthTelling(run.settling)) await context.annotate(describeSettling(run.settling));
      await annotateCalibration(context, run);
      await annotateDrift(context, run);
      return run;
    },
    baseline,
    firstUnconfirmed,
  );
}
