import * as probes from './probes/index.ts';
import * as steps from './steps/index.ts';
import { readOnlySmokeSteps } from './read-only-smoke.ts';
import type { SuiteFilePlan, SuitePlan } from '../../flow/plan/suite-plan.ts';
import type { PingOneConfig } from './config.ts';

/** What suites/pingone/NN-*.test.ts run, file by file, in order (the read-only smoke's steps aside). */
const SUITE_FILES: readonly SuiteFilePlan<PingOneConfig>[] = [
  {
    file: '01-get-access-token',
    steps: [steps.getAccessToken, steps.discoverOrganization],
    probes: probes.tokenProbes,
  },
  {
    file: '02-read-all-licenses',
    steps: [steps.readAllLicenses, steps.readChosenLicense],
    probes: probes.licenseProbes,
  },
  {
    file: '03-create-environment',
    steps: [steps.createEnvironment, steps.readEnvironment, steps.readDefaultPopulation],
    // The read-only smoke's reads of a live environment (`idflow run --smoke` with PINGONE_ENV_ID).
    namedOnly: readOnlySmokeSteps,
    probes: probes.environmentProbes,
  },
  {
    file: '04-create-population',
    steps: [steps.createPopulation, steps.readPopulation],
    probes: probes.populationProbes,
  },
  {
    file: '04c-enable-totp-policy',
    steps: [steps.readDevicePolicies, steps.createTotpPolicy, steps.readTotpPolicy],
    probes: probes.devicePolicyProbes,
  },
  { file: '05-create-user', steps: [steps.createUser, steps.readUser], probes: probes.userProbes },
  {
    file: '06-set-user-password',
    steps: [steps.setUserPassword, steps.readPasswordState],
    probes: probes.passwordProbes,
  },
  {
    file: '07-enable-user-mfa',
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
    steps: [steps.updateMfaSettings, steps.readMfaSettings],
    probes: probes.mfaSettingsProbes,
  },
  {
    file: '09-create-email-device',
    steps: [steps.createEmailDevice, steps.readEmailDevice],
    probes: probes.emailDeviceProbes,
  },
  {
    file: '10-create-totp-device',
    steps: [steps.createTotpDevice, steps.readTotpDevice],
    probes: probes.totpDeviceProbes,
  },
  {
    file: '11-activate-totp-device',
    steps: [steps.activateTotpDevice, steps.readAllDevices],
    probes: probes.activationProbes,
  },
];

/** suites/pingone/*.test.ts as data: what each file runs, and the teardown. */
export const pingOneSuitePlan: SuitePlan<PingOneConfig> = {
  files: SUITE_FILES,
  teardownTitle: 'delete what this run created, and confirm it is gone',
};
