import { enableErrorProbes, serverErrorProbes } from './probes/05-mfa-enable.ts';
import * as steps from './steps/index.ts';
import type { StepDefinition } from '../../flow/step/step.ts';

/** The Lerian Identity MFA flow in order: what the suites run, and what skip reasons read. */
export const lerianIdentityCatalogue: readonly StepDefinition[] = [
  steps.adminUserToken,
  steps.applicationToken,
  steps.refreshAdminToken,
  steps.createUser,
  steps.readUser,
  ...enableErrorProbes,
  ...serverErrorProbes,
  steps.setupMfa,
  steps.statusBeforeEnable,
  steps.verifyWrongPasscode,
  steps.verifyPasscode,
  steps.enableWrongRecoveryCode,
  steps.enableMfa,
  steps.enableTwice,
  steps.statusAfterEnable,
  steps.setPreferredMethod,
  steps.loginChallenge,
  steps.completeChallengeWithTotp,
  steps.userinfoOfMfaToken,
  steps.reuseMfaToken,
  steps.secondLogin,
  steps.wrongLoginPasscode,
  steps.completeWithRecoveryCode,
  steps.thirdLogin,
  steps.reuseRecoveryCode,
  steps.disableMfa,
  steps.statusAfterDisable,
  steps.loginWithoutChallenge,
];
