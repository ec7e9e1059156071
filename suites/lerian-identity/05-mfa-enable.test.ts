import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('05-mfa-enable');
