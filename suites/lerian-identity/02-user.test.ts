import { describe } from 'vitest';
import { lerianIdentitySession } from '../../src/runner/lerian-identity-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { createUser, readUser } from '../../src/targets/lerian-identity/steps/index.ts';

describe('02 user', () => {
  stepTests(lerianIdentitySession, [createUser, readUser]);
});
