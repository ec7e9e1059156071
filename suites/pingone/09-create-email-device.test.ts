import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { emailDeviceProbes } from '../../src/targets/pingone/probes/index.ts';
import { createEmailDevice, readEmailDevice } from '../../src/targets/pingone/steps/index.ts';

describe('09 email device', () => {
  stepTests(targetSession, [createEmailDevice, readEmailDevice]);
  probeTests(targetSession, '09 troubleshooting probes', emailDeviceProbes);
});
