import { describe } from 'vitest';
import { pingOneSession } from '../../src/runner/pingone-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { updateMfaSettings, readMfaSettings } from '../../src/targets/pingone/steps/index.ts';

describe('08 MFA settings', () => {
  stepTests(pingOneSession, [updateMfaSettings, readMfaSettings]);
});
