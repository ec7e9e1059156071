import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('02-user');
