import * as steps from './steps/index.ts';
import { enableErrorProbes, serverErrorProbes } from './probes/05-mfa-enable.ts';
import type { SuiteFilePlan, SuitePlan } from '../../flow/plan/suite-plan.ts';
import type { LerianConfig } from './config.ts';

/** Set (to `true`) only in the environment of the idflow emulator: it alone answers some calls. */
export const EMULATOR_VARIABLE = 'idflowEmulator';

/** What suites/lerian-identity/NN-*.test.ts run, file by file, in order. */
const SUITE_FILES: readonly SuiteFilePlan<LerianConfig>[] = [
  {
    file: '01-token',
    title: '01 access token',
    steps: [steps.adminUserToken, steps.applicationToken, steps.refreshAdminToken],
    probes: [],
  },
  { file: '02-user', title: '02 user', steps: [steps.createUser, steps.readUser], probes: [] },
  {
    file: '03-enable-errors',
    title: '03 Enable MFA error catalogue',
    steps: enableErrorProbes,
    notInSmoke: true,
    conditional: {
      steps: serverErrorProbes,
      variable: EMULATOR_VARIABLE,
      applies: servedByIdflowEmulator,
      reason:
        'a real tenant cannot be made to answer a 500 safely; only the idflow emulator provokes it ' +
        '(idflowEmulator=true)',
    },
    probes: [],
  },
  {
    file: '04-mfa-setup',
    title: '04 MFA setup and verify',
    steps: [steps.setupMfa, steps.statusBeforeEnable, steps.verifyWrongPasscode, steps.verifyPasscode],
    probes: [],
  },
  {
    file: '05-mfa-enable',
    title: '05 Enable MFA',
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
    title: '06 MFA login challenge',
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
    title: '07 recovery codes',
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
    title: '08 disable MFA',
    steps: [],
    conditional: {
      steps: [steps.disableMfa, steps.statusAfterDisable, steps.loginWithoutChallenge],
      variable: EMULATOR_VARIABLE,
      applies: servedByIdflowEmulator,
      reason:
        'the Disable MFA path is not public; only the idflow emulator serves it (POST …/mfa/disable, ' +
        'idflowEmulator=true)',
    },
    probes: [],
  },
];

/** The idflow emulator alone serves some calls (`LERIAN_IDFLOW_EMULATOR=true`). */
function servedByIdflowEmulator(config: LerianConfig): boolean {
  return config.idflowEmulator;
}

/** suites/lerian-identity/*.test.ts as data: what each file runs, and the teardown. */
export const lerianSuitePlan: SuitePlan<LerianConfig> = {
  files: SUITE_FILES,
  teardownTitle: 'delete the test user, and confirm it is gone',
};
