import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { mfaSettingsProbes } from '../../src/targets/pingone/probes/index.ts';
import { updateMfaSettings, readMfaSettings } from '../../src/targets/pingone/steps/index.ts';

describe('08 MFA settings', () => {
  stepTests(targetSession, [updateMfaSettings, readMfaSettings]);
  probeTests(targetSession, '08 troubleshooting probes', mfaSettingsProbes);
});
