import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { populationProbes } from '../../src/targets/pingone/probes/index.ts';
import { createPopulation, readPopulation } from '../../src/targets/pingone/steps/index.ts';

describe('04 population', () => {
  stepTests(targetSession, [createPopulation, readPopulation]);
  probeTests(targetSession, '04 troubleshooting probes', populationProbes);
});
