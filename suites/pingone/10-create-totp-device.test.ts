import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { totpDeviceProbes } from '../../src/targets/pingone/probes/index.ts';
import { createTotpDevice, readTotpDevice } from '../../src/targets/pingone/steps/index.ts';

describe('10 TOTP device', () => {
  stepTests(targetSession, [createTotpDevice, readTotpDevice]);
  probeTests(targetSession, '10 troubleshooting probes', totpDeviceProbes);
});
