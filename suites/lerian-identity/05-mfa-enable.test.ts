import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import {
  enableMfa,
  enableTwice,
  enableWrongRecoveryCode,
  setPreferredMethod,
  statusAfterEnable,
} from '../../src/targets/lerian-identity/steps/index.ts';

describe('05 Enable MFA', () => {
  stepTests(targetSession, [
    enableWrongRecoveryCode,
    enableMfa,
    enableTwice,
    statusAfterEnable,
    setPreferredMethod,
  ]);
});
