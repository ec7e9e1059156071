import { targetSession } from '../../src/runner/target-session.ts';
import { teardownTest } from '../../src/runner/teardown-test.ts';

teardownTest(targetSession, 'delete what this run created, and confirm it is gone');
