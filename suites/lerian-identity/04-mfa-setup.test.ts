import { describe } from 'vitest';
import { lerianIdentitySession } from '../../src/runner/lerian-identity-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { setupMfa, statusBeforeEnable, verifyPasscode, verifyWrongPasscode } from '../../src/targets/lerian-identity/steps/index.ts';

describe('04 MFA setup and verify', () => {
  stepTests(lerianIdentitySession, [setupMfa, statusBeforeEnable, verifyWrongPasscode, verifyPasscode]);
});
