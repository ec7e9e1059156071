import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('09-create-email-device');
