import * as steps from './steps/index.ts';
import { actorTokenSteps } from './actors.ts';
import { probeSupportSteps } from './probes/support-steps.ts';
import type { StepDefinition } from '../../flow/step/step.ts';

/** The PingOne flow in order: what the suites run, and what skip reasons and exports read. */
export const pingOneFlow: readonly StepDefinition[] = [
  steps.getAccessToken,
  steps.discoverOrganization,
  steps.readAllLicenses,
  steps.readChosenLicense,
  steps.createEnvironment,
  steps.readEnvironment,
  steps.readDefaultPopulation,
  steps.createPopulation,
  steps.readPopulation,
  steps.readDevicePolicies,
  steps.createTotpPolicy,
  steps.readTotpPolicy,
  steps.createUser,
  steps.readUser,
  steps.setUserPassword,
  steps.readPasswordState,
  steps.readUserMfaDefault,
  steps.disableUserMfa,
  steps.readUserMfaDisabled,
  steps.enableUserMfa,
  steps.readUserMfaEnabled,
  steps.readUserAfterMfa,
  steps.updateMfaSettings,
  steps.readMfaSettings,
  steps.createEmailDevice,
  steps.readEmailDevice,
  steps.createTotpDevice,
  steps.readTotpDevice,
  steps.activateTotpDevice,
  steps.readAllDevices,
];

/**
 * Every step a session may run, so skip reasons can name any producer: the flow, then the steps
 * that get the extra actors their tokens and create the probes' own resources.
 */
export const pingOneCatalogue: readonly StepDefinition[] = [
  ...pingOneFlow,
  ...actorTokenSteps,
  ...probeSupportSteps,
];
