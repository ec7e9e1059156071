import * as probes from './probes/index.ts';
import * as steps from './steps/index.ts';
import { readOnlySmokeSteps } from './read-only-smoke.ts';
import type { SuiteFilePlan, SuitePlan } from '../../flow/plan/suite-plan.ts';
import type { PingOneConfig } from './config.ts';

/** What suites/pingone/NN-*.test.ts run, file by file, in order (the read-only smoke's steps aside). */
const SUITE_FILES: readonly SuiteFilePlan<PingOneConfig>[] = [
  {
    file: '01-get-access-token',
    title: '01 access token',
    steps: [steps.getAccessToken, steps.discoverOrganization],
    probes: probes.tokenProbes,
  },
  {
    file: '02-read-all-licenses',
    title: '02 licenses',
    steps: [steps.readAllLicenses, steps.readChosenLicense],
    probes: probes.licenseProbes,
  },
  {
    file: '03-create-environment',
    title: '03 environment',
    steps: [steps.createEnvironment, steps.readEnvironment, steps.readDefaultPopulation],
    // The read-only smoke's reads of a live environment (`idflow run --smoke` with PINGONE_ENV_ID).
    namedOnly: readOnlySmokeSteps,
    probes: probes.environmentProbes,
  },
  {
    file: '04-create-population',
    title: '04 population',
    steps: [steps.createPopulation, steps.readPopulation],
    probes: probes.populationProbes,
  },
  {
    file: '04c-enable-totp-policy',
    title: '04c device authentication policy',
    steps: [steps.readDevicePolicies, steps.createTotpPolicy, steps.readTotpPolicy],
    probes: probes.devicePolicyProbes,
  },
  {
    file: '05-create-user',
    title: '05 user',
    steps: [steps.createUser, steps.readUser],
    probes: probes.userProbes,
  },
  {
    file: '06-set-user-password',
    title: '06 password',
    steps: [steps.setUserPassword, steps.readPasswordState],
    probes: probes.passwordProbes,
  },
  {
    file: '07-enable-user-mfa',
    title: '07 user MFA enabled',
    steps: [
      steps.readUserMfaDefault,
      steps.disableUserMfa,
      steps.readUserMfaDisabled,
      steps.enableUserMfa,
      steps.readUserMfaEnabled,
      steps.readUserAfterMfa,
    ],
    probes: probes.mfaEnabledProbes,
  },
  {
    file: '08-update-mfa-settings',
    title: '08 MFA settings',
    steps: [steps.updateMfaSettings, steps.readMfaSettings],
    probes: probes.mfaSettingsProbes,
  },
  {
    file: '09-create-email-device',
    title: '09 email device',
    steps: [steps.createEmailDevice, steps.readEmailDevice],
    probes: probes.emailDeviceProbes,
  },
  {
    file: '10-create-totp-device',
    title: '10 TOTP device',
    steps: [steps.createTotpDevice, steps.readTotpDevice],
    probes: probes.totpDeviceProbes,
  },
  {
    file: '11-activate-totp-device',
    title: '11 activate TOTP device',
    steps: [steps.activateTotpDevice, steps.readAllDevices],
    probes: probes.activationProbes,
  },
];

/** suites/pingone/*.test.ts as data: what each file runs, and the teardown. */
export const pingOneSuitePlan: SuitePlan<PingOneConfig> = {
  files: SUITE_FILES,
  teardownTitle: 'delete what this run created, and confirm it is gone',
};
