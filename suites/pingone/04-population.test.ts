import { describe } from 'vitest';
import { pingOneSession } from '../../src/runner/pingone-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { createPopulation, readPopulation } from '../../src/targets/pingone/steps/index.ts';

describe('04 population', () => {
  stepTests(pingOneSession, [createPopulation, readPopulation]);
});
