import { describe } from 'vitest';
import { pingOneSession } from '../../src/runner/pingone-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { createTotpDevice, readTotpDevice } from '../../src/targets/pingone/steps/index.ts';

describe('10 TOTP device', () => {
  stepTests(pingOneSession, [createTotpDevice, readTotpDevice]);
});
