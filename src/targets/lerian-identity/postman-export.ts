import * as steps from './steps/index.ts';
import { enableErrorProbes, serverErrorProbes } from './probes/05-mfa-enable.ts';
import { lerianConfigVariables } from './config-variables.ts';
import { LERIAN_TEST_DATA_SCRIPT } from './postman-test-data.ts';
import type { PostmanExportPlan, SuiteFilePlan } from '../../export/export-plan.ts';
import type { LerianConfig } from './config.ts';

/** Set (to `true`) only in the environment of the idflow emulator: it alone answers some calls. */
const EMULATOR_VARIABLE = 'idflowEmulator';

/** What suites/lerian-identity/NN-*.test.ts run, file by file, in order. */
const SUITE_FILES: readonly SuiteFilePlan[] = [
  {
    file: '01-token',
    steps: [steps.adminUserToken, steps.applicationToken, steps.refreshAdminToken],
    probes: [],
  },
  { file: '02-user', steps: [steps.createUser, steps.readUser], probes: [] },
  {
    file: '03-enable-errors',
    steps: enableErrorProbes,
    conditional: {
      steps: serverErrorProbes,
      variable: EMULATOR_VARIABLE,
      reason:
        'a real tenant cannot be made to answer a 500 safely; only the idflow emulator provokes it ' +
        '(idflowEmulator=true)',
    },
    probes: [],
  },
  {
    file: '04-mfa-setup',
    steps: [steps.setupMfa, steps.statusBeforeEnable, steps.verifyWrongPasscode, steps.verifyPasscode],
    probes: [],
  },
  {
    file: '05-mfa-enable',
    steps: [
      steps.enableWrongRecoveryCode,
      steps.enableMfa,
      steps.enableTwice,
      steps.statusAfterEnable,
      steps.setPreferredMethod,
    ],
    probes: [],
  },
  {
    file: '06-mfa-login',
    steps: [
      steps.loginChallenge,
      steps.completeChallengeWithTotp,
      steps.userinfoOfMfaToken,
      steps.reuseMfaToken,
    ],
    probes: [],
  },
  {
    file: '07-recovery-code',
    steps: [
      steps.secondLogin,
      steps.wrongLoginPasscode,
      steps.completeWithRecoveryCode,
      steps.thirdLogin,
      steps.reuseRecoveryCode,
    ],
    probes: [],
  },
  {
    file: '08-mfa-disable',
    steps: [],
    conditional: {
      steps: [steps.disableMfa, steps.statusAfterDisable, steps.loginWithoutChallenge],
      variable: EMULATOR_VARIABLE,
      reason:
        'the Disable MFA path is not public; only the idflow emulator serves it (POST …/mfa/disable, ' +
        'idflowEmulator=true)',
    },
    probes: [],
  },
];

const ENVIRONMENT_KEYS: ReadonlyArray<{ readonly key: string; readonly secret?: boolean }> = [
  { key: 'authPath' },
  { key: 'identityPath' },
  { key: 'adminUsername' },
  { key: 'adminPassword', secret: true },
  { key: 'clientId' },
  { key: 'clientSecret', secret: true },
  { key: EMULATOR_VARIABLE },
];

/** `idflow export --target lerian-identity --format postman`. */
export const lerianPostmanExport: PostmanExportPlan<LerianConfig> = {
  suiteFiles: SUITE_FILES,
  environment(config) {
    const values: Record<string, { value: string }> =
      config === undefined
        ? {}
        : {
            ...lerianConfigVariables(config),
            ...(config.idflowEmulator ? { [EMULATOR_VARIABLE]: { value: 'true' } } : {}),
          };
    return ENVIRONMENT_KEYS.map(({ key, secret }) => ({
      key,
      value: values[key]?.value ?? '',
      ...(secret ? { secret: true } : {}),
    }));
  },
  testDataScript: LERIAN_TEST_DATA_SCRIPT,
};
