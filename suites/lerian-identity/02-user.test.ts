import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { createUser, readUser } from '../../src/targets/lerian-identity/steps/index.ts';

describe('02 user', () => {
  stepTests(targetSession, [createUser, readUser]);
});
