import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('04-mfa-setup');
