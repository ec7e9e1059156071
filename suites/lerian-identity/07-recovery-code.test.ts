import { describe } from 'vitest';
import { lerianIdentitySession } from '../../src/runner/lerian-identity-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import {
  completeWithRecoveryCode,
  reuseRecoveryCode,
  secondLogin,
  thirdLogin,
  wrongLoginPasscode,
} from '../../src/targets/lerian-identity/steps/index.ts';

describe('07 recovery codes', () => {
  stepTests(lerianIdentitySession, [secondLogin, wrongLoginPasscode, completeWithRecoveryCode, thirdLogin, reuseRecoveryCode]);
});
