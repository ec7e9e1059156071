import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { passwordProbes } from '../../src/targets/pingone/probes/index.ts';
import { setUserPassword, readPasswordState } from '../../src/targets/pingone/steps/index.ts';

describe('06 password', () => {
  stepTests(targetSession, [setUserPassword, readPasswordState]);
  probeTests(targetSession, '06 troubleshooting probes', passwordProbes);
});
