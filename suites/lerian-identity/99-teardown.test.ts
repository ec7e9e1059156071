import { describe } from 'vitest';
import { lerianIdentitySession } from '../../src/runner/lerian-identity-session.ts';
import { teardownTest } from '../../src/runner/teardown-test.ts';

describe('99 teardown', () => {
  teardownTest(lerianIdentitySession, 'delete the test user, and confirm it is gone');
});
