import { inject, test } from 'vitest';
import { runStepIn } from '../../src/runner/run-step-check.ts';
import { injectedBaseline } from '../../src/baseline/injected-baseline.ts';
import { isSelected } from '../../src/runner/selected.ts';
import { targetSession } from '../../src/runner/target-session.ts';
import type { LerianConfig } from '../../src/targets/lerian-identity/config.ts';
import type { StepDefinition } from '../../src/flow/step/step.ts';

/**
 * Declares tests for steps only the idflow emulator can answer; against any other target each
 * is skipped with `reason`, so a report never counts them as passed.
 */
export function emulatorOnlyStepTests(steps: readonly StepDefinition[], reason: string): void {
  for (const step of steps.filter((candidate) => isSelected(candidate.id))) {
    test(`${step.id}: ${step.title}`, async (context) => {
      if (!(inject('target').config as LerianConfig).idflowEmulator) context.skip(reason);
      await runStepIn(context, targetSession(), step, injectedBaseline());
    });
  }
}
