import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('07-enable-user-mfa');
