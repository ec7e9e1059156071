import { planFileTests } from '../../src/runner/plan-tests.ts';

planFileTests('11-activate-totp-device');
