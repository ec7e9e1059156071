import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { tokenProbes } from '../../src/targets/pingone/probes/index.ts';
import { getAccessToken, discoverOrganization } from '../../src/targets/pingone/steps/index.ts';

describe('01 access token', () => {
  stepTests(targetSession, [getAccessToken, discoverOrganization]);
  probeTests(targetSession, '01 troubleshooting probes', tokenProbes);
});
