import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('03-create-environment');
