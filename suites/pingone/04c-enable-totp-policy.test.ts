import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('04c-enable-totp-policy');
