import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('10-create-totp-device');
