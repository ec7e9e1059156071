import { describe } from 'vitest';
import { lerianIdentitySession } from '../../src/runner/lerian-identity-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { completeChallengeWithTotp, loginChallenge, reuseMfaToken, userinfoOfMfaToken } from '../../src/targets/lerian-identity/steps/index.ts';

describe('06 MFA login challenge', () => {
  stepTests(lerianIdentitySession, [loginChallenge, completeChallengeWithTotp, userinfoOfMfaToken, reuseMfaToken]);
});
