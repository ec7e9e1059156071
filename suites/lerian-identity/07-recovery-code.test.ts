import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import {
  completeWithRecoveryCode,
  reuseRecoveryCode,
  secondLogin,
  thirdLogin,
  wrongLoginPasscode,
} from '../../src/targets/lerian-identity/steps/index.ts';

describe('07 recovery codes', () => {
  stepTests(targetSession, [
    secondLogin,
    wrongLoginPasscode,
    completeWithRecoveryCode,
    thirdLogin,
    reuseRecoveryCode,
  ]);
});
