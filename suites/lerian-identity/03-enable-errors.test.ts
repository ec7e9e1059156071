import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('03-enable-errors');
