import { describe } from 'vitest';
import { pingOneSession } from '../../src/runner/pingone-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { readAllLicenses, readChosenLicense } from '../../src/targets/pingone/steps/index.ts';

describe('02 licenses', () => {
  stepTests(pingOneSession, [readAllLicenses, readChosenLicense]);
});
