import { describe } from 'vitest';
import { pingOneSession } from '../../src/runner/pingone-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/targets/pingone/probes/probe-tests.ts';
import { activationProbes } from '../../src/targets/pingone/probes/index.ts';
import { activateTotpDevice, readAllDevices } from '../../src/targets/pingone/steps/index.ts';

describe('11 activate TOTP device', () => {
  stepTests(pingOneSession, [activateTotpDevice, readAllDevices]);
  probeTests(pingOneSession, '11 troubleshooting probes', activationProbes);
});
