import { describe } from 'vitest';
import { pingOneSession } from '../../src/runner/pingone-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/targets/pingone/probes/probe-tests.ts';
import { tokenProbes } from '../../src/targets/pingone/probes/index.ts';
import { getAccessToken, discoverOrganization } from '../../src/targets/pingone/steps/index.ts';

describe('01 access token', () => {
  stepTests(pingOneSession, [getAccessToken, discoverOrganization]);
  probeTests(pingOneSession, '01 troubleshooting probes', tokenProbes);
});
