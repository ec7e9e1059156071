import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { userProbes } from '../../src/targets/pingone/probes/index.ts';
import { createUser, readUser } from '../../src/targets/pingone/steps/index.ts';

describe('05 user', () => {
  stepTests(targetSession, [createUser, readUser]);
  probeTests(targetSession, '05 troubleshooting probes', userProbes);
});
