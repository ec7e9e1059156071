import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { activationProbes } from '../../src/targets/pingone/probes/index.ts';
import { activateTotpDevice, readAllDevices } from '../../src/targets/pingone/steps/index.ts';

describe('11 activate TOTP device', () => {
  stepTests(targetSession, [activateTotpDevice, readAllDevices]);
  probeTests(targetSession, '11 troubleshooting probes', activationProbes);
});
