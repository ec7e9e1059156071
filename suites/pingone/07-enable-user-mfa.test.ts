import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { mfaEnabledProbes } from '../../src/targets/pingone/probes/index.ts';
import {
  disableUserMfa,
  enableUserMfa,
  readUserAfterMfa,
  readUserMfaDefault,
  readUserMfaDisabled,
  readUserMfaEnabled,
} from '../../src/targets/pingone/steps/index.ts';

describe('07 user MFA enabled', () => {
  stepTests(targetSession, [
    readUserMfaDefault,
    disableUserMfa,
    readUserMfaDisabled,
    enableUserMfa,
    readUserMfaEnabled,
    readUserAfterMfa,
  ]);
  probeTests(targetSession, '07 troubleshooting probes', mfaEnabledProbes);
});
