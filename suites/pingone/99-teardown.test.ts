import { planTeardownTest } from '../../src/runner/plan-tests.ts';

planTeardownTest();
