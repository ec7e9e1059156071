import { describe } from 'vitest';
import { targetSession } from '../../src/runner/target-session.ts';
import { stepTests } from '../../src/runner/step-test.ts';
import { probeTests } from '../../src/runner/probe-tests.ts';
import { licenseProbes } from '../../src/targets/pingone/probes/index.ts';
import { readAllLicenses, readChosenLicense } from '../../src/targets/pingone/steps/index.ts';

describe('02 licenses', () => {
  stepTests(targetSession, [readAllLicenses, readChosenLicense]);
  probeTests(targetSession, '02 troubleshooting probes', licenseProbes);
});
