import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { devicePolicyProbes } from '../../src/targets/pingone/probes/index.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import {
  createTotpPolicy,
  readDevicePolicies,
  readTotpPolicy,
} from '../../src/targets/pingone/steps/index.ts';

describe('04c device authentication policy', () => {
  stepTests(targetSession, [readDevicePolicies, createTotpPolicy, readTotpPolicy]);
  probeTests(targetSession, '04c troubleshooting probes', devicePolicyProbes);
});
