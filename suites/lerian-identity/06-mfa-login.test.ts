import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('06-mfa-login');
