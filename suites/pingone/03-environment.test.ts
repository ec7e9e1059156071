import { describe } from 'vitest';
import { pingOneSession } from '../../src/runner/pingone-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { createEnvironment, readEnvironment, readDefaultPopulation } from '../../src/targets/pingone/steps/index.ts';

describe('03 environment', () => {
  stepTests(pingOneSession, [createEnvironment, readEnvironment, readDefaultPopulation]);
});
