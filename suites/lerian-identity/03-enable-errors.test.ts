import { describe } from 'vitest';
import { smokeRun } from '../../src/runner/smoke.ts';
import { targetSession } from '../../src/runner/target-session.ts';
import { emulatorOnlyStepTests } from './emulator-only.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import {
  enableErrorProbes,
  serverErrorProbes,
} from '../../src/targets/lerian-identity/probes/05-mfa-enable.ts';

describe.skipIf(smokeRun())('03 Enable MFA error catalogue', () => {
  stepTests(targetSession, enableErrorProbes);
  emulatorOnlyStepTests(
    serverErrorProbes,
    'a real tenant cannot be made to answer a 500 safely; only the idflow emulator provokes it ' +
      '(LERIAN_IDFLOW_EMULATOR=true)',
  );
});
