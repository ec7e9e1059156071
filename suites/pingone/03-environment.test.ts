import { describe } from 'vitest';
import { pingOneSession } from '../../src/runner/pingone-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/targets/pingone/probes/probe-tests.ts';
import { environmentProbes } from '../../src/targets/pingone/probes/index.ts';
import { createEnvironment, readEnvironment, readDefaultPopulation } from '../../src/targets/pingone/steps/index.ts';

describe('03 environment', () => {
  stepTests(pingOneSession, [createEnvironment, readEnvironment, readDefaultPopulation]);
  probeTests(pingOneSession, '03 troubleshooting probes', environmentProbes);
});
