import { describe } from 'vitest';
import { lerianIdentitySession } from '../../src/runner/lerian-identity-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import {
  enableMfa,
  enableTwice,
  enableWrongRecoveryCode,
  setPreferredMethod,
  statusAfterEnable,
} from '../../src/targets/lerian-identity/steps/index.ts';

describe('05 Enable MFA', () => {
  stepTests(lerianIdentitySession, [enableWrongRecoveryCode, enableMfa, enableTwice, statusAfterEnable, setPreferredMethod]);
});
