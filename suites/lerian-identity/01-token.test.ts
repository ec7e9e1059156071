import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import {
  adminUserToken,
  applicationToken,
  refreshAdminToken,
} from '../../src/targets/lerian-identity/steps/index.ts';

describe('01 access token', () => {
  stepTests(targetSession, [adminUserToken, applicationToken, refreshAdminToken]);
});
