import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { teardownTest } from '../../src/runner/teardown-test.ts';

describe('99 teardown', () => {
  teardownTest(targetSession, 'delete the test user, and confirm it is gone');
});
