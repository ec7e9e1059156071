import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { namedOnlyStepTests, stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { environmentProbes } from '../../src/targets/pingone/probes/index.ts';
import { readOnlySmokeSteps } from '../../src/targets/pingone/read-only-smoke.ts';
import {
  createEnvironment,
  readEnvironment,
  readDefaultPopulation,
} from '../../src/targets/pingone/steps/index.ts';

describe('03 environment', () => {
  stepTests(targetSession, [createEnvironment, readEnvironment, readDefaultPopulation]);
  // The read-only smoke's reads of a live environment (`idflow run --smoke` with PINGONE_ENV_ID).
  namedOnlyStepTests(targetSession, readOnlySmokeSteps);
  probeTests(targetSession, '03 troubleshooting probes', environmentProbes);
});
