import { describe } from 'vitest';
import { lerianIdentitySession } from '../../src/runner/lerian-identity-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { adminUserToken, applicationToken, refreshAdminToken } from '../../src/targets/lerian-identity/steps/index.ts';

describe('01 access token', () => {
  stepTests(lerianIdentitySession, [adminUserToken, applicationToken, refreshAdminToken]);
});
