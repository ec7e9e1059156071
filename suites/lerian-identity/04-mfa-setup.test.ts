import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import {
  setupMfa,
  statusBeforeEnable,
  verifyPasscode,
  verifyWrongPasscode,
} from '../../src/targets/lerian-identity/steps/index.ts';

describe('04 MFA setup and verify', () => {
  stepTests(targetSession, [setupMfa, statusBeforeEnable, verifyWrongPasscode, verifyPasscode]);
});
