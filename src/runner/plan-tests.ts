import { describe, inject, test } from 'vitest';
import { injectedBaseline } from '../baseline/injected-baseline.ts';
import { findTarget } from '../targets/registry.ts';
import { recordCheck } from './exchange-meta.ts';
import { probeTests } from './probe-tests.ts';
import { runStepIn } from './run-step-check.ts';
import { isSelected } from './selected.ts';
import { smokeRun } from './smoke.ts';
import { namedOnlyStepTests, stepTests } from './step-test.ts';
import { targetSession } from './target-session.ts';
import { teardownTest } from './teardown-test.ts';
import type { SuiteFilePlan, SuitePlan } from '../flow/plan/suite-plan.ts';

/** The plan of the vitest project's target (src/targets/<t>/suite-plan.ts, its descriptor's `plan`). */
function projectPlan(): SuitePlan {
  const { name } = inject('target');
  const plan = findTarget(name)?.plan;
  if (plan === undefined) throw new Error(`the target ${name} has no plan for its suite files to declare`);
  return plan;
}

/** Steps only some tenants answer: declared, and skipped with the reason where the config says no. */
function conditionalStepTests(conditional: NonNullable<SuiteFilePlan['conditional']>): void {
  for (const step of conditional.steps.filter((candidate) => isSelected(candidate.id))) {
    test(`${step.id}: ${step.title}`, async (context) => {
      if (!conditional.applies(inject('target').config)) context.skip(conditional.reason);
      await recordCheck(context, { id: step.id, kind: 'step' }, () =>
        runStepIn(context, targetSession(), step, injectedBaseline()),
      );
    });
  }
}

/**
 * Declares the tests of the suite file `file` as its target's plan lists them, under the file's
 * title: its steps in order, the steps run only when named, the steps only some tenants answer,
 * then its troubleshooting probes (concurrently). A `--smoke` run skips a file of error cases.
 * A suite file is this one call: what runs, and in which order, is written once, in the plan,
 * which `idflow run` schedules itself and `idflow export` lays out as folders.
 */
export function planFileTests(file: string): void {
  const planned = projectPlan().files.find((each) => each.file === file);
  if (planned === undefined)
    throw new Error(`the plan of ${inject('target').name} has no suite file ${file}`);
  describe.skipIf(planned.notInSmoke === true && smokeRun())(planned.title, () => {
    stepTests(targetSession, planned.steps);
    namedOnlyStepTests(targetSession, planned.namedOnly ?? []);
    if (planned.conditional) conditionalStepTests(planned.conditional);
    probeTests(targetSession, `${file.split('-')[0]} troubleshooting probes`, planned.probes);
  });
}

/** Declares the target's `99-teardown` test, titled as its plan says. */
export function planTeardownTest(): void {
  teardownTest(targetSession, projectPlan().teardownTitle);
}
