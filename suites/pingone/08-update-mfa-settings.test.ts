import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('08-update-mfa-settings');
