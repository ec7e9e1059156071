import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { environmentProbes } from '../../src/targets/pingone/probes/index.ts';
import {
  createEnvironment,
  readEnvironment,
  readDefaultPopulation,
} from '../../src/targets/pingone/steps/index.ts';

describe('03 environment', () => {
  stepTests(targetSession, [createEnvironment, readEnvironment, readDefaultPopulation]);
  probeTests(targetSession, '03 troubleshooting probes', environmentProbes);
});
