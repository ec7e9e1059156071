import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import {
  completeChallengeWithTotp,
  loginChallenge,
  reuseMfaToken,
  userinfoOfMfaToken,
} from '../../src/targets/lerian-identity/steps/index.ts';

describe('06 MFA login challenge', () => {
  stepTests(targetSession, [loginChallenge, completeChallengeWithTotp, userinfoOfMfaToken, reuseMfaToken]);
});
