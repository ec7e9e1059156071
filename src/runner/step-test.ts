import { test } from 'vitest';
import { injectedBaseline } from '../baseline/injected-baseline.ts';
import type { FlowSession } from '../flow/run/session.ts';
import type { StepDefinition } from '../flow/step/step.ts';
import { isNamed, isSelected } from './selected.ts';
import { recordCheck } from './exchange-meta.ts';
import { runStepIn } from './run-step-check.ts';

/**
 * Declares one vitest test per step, in order (only the selected ones when `idflow run --step`
 * or `--grep` chose some). Suites stay thin: a list of steps.
 */
export function stepTests(session: () => FlowSession, steps: readonly StepDefinition[]): void {
  for (const step of steps.filter((candidate) => isSelected(candidate.id))) {
    test(`${step.id}: ${step.title}`, async (context) => {
      await recordCheck(context, { id: step.id, kind: 'step' }, () =>
        runStepIn(context, session(), step, injectedBaseline()),
      );
    });
  }
}

/**
 * Declares steps that run only when `idflow run` names them (the read-only smoke of a live
 * environment, `--step`): a full run never declares them, so they never show as skipped.
 */
export function namedOnlyStepTests(session: () => FlowSession, steps: readonly StepDefinition[]): void {
  stepTests(
    session,
    steps.filter((step) => isNamed(step.id)),
  );
}
