import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('01-get-access-token');
