import { inject, test } from 'vitest';
import { createLerianIdentitySession } from '../targets/lerian-identity/session.ts';
import { runStepIn } from './step-test.ts';
import { calibrationOf } from './run-calibration.ts';
import type { FlowSession } from '../flow/session.ts';
import type { StepDefinition } from '../flow/step.ts';

let session: FlowSession | undefined;

/**
 * The one Lerian Identity session of this run. Suite files run in one worker without isolation,
 * so every file sees the same session: step 04 reads the user step 02 created.
 */
export function lerianIdentitySession(): FlowSession {
  const setup = inject('lerian-identity');
  session ??= createLerianIdentitySession(setup.config, undefined, calibrationOf(setup));
  return session;
}

/**
 * Declares tests for steps only the idflow emulator can answer; against any other target each
 * is skipped with `reason`, so a report never counts them as passed.
 */
export function emulatorOnlyStepTests(steps: readonly StepDefinition[], reason: string): void {
  for (const step of steps) {
    test(`${step.id}: ${step.title}`, async (context) => {
      if (!inject('lerian-identity').config.idflowEmulator) context.skip(reason);
      await runStepIn(context, lerianIdentitySession(), step);
    });
  }
}
