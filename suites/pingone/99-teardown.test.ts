import { pingOneSession } from '../../src/runner/pingone-session.ts';
import { teardownTest } from '../../src/runner/teardown-test.ts';

teardownTest(pingOneSession, 'delete what this run created, and confirm it is gone');
