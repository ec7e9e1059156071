import * as probes from './probes/index.ts';
import * as steps from './steps/index.ts';
import { ACTOR_VARIABLES } from './actors.ts';
import { configVariables } from './config-variables.ts';
import { PINGONE_TEST_DATA_SCRIPT } from './postman-test-data.ts';
import type { PostmanExportPlan, SuiteFilePlan } from '../../export/export-plan.ts';
import type { PingOneConfig } from './config.ts';

/** What suites/pingone/NN-*.test.ts run, file by file, in order (the read-only smoke's steps aside). */
const SUITE_FILES: readonly SuiteFilePlan[] = [
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

/** The environment's keys: the docs' Postman variables and the optional actors' credentials. */
const ENVIRONMENT_KEYS: ReadonlyArray<{ readonly key: string; readonly secret?: boolean }> = [
  { key: 'authPath' },
  { key: 'apiPath' },
  { key: 'adminEnvID' },
  { key: 'adminAppID' },
  { key: 'adminAppSecret', secret: true },
  { key: 'region' },
  { key: 'orgID' },
  { key: 'licenseID' },
  ...Object.values(ACTOR_VARIABLES).flatMap((actor) => [
    { key: actor.id },
    { key: actor.secret, secret: true },
  ]),
];

/** `idflow export --target pingone --format postman`. */
export const pingOnePostmanExport: PostmanExportPlan<PingOneConfig> = {
  suiteFiles: SUITE_FILES,
  environment(config) {
    const values = config === undefined ? {} : configVariables(config);
    return ENVIRONMENT_KEYS.map(({ key, secret }) => ({
      key,
      value: values[key]?.value ?? '',
      ...(secret ? { secret: true } : {}),
    }));
  },
  testDataScript: PINGONE_TEST_DATA_SCRIPT,
};
