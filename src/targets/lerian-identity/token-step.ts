import { adminUserToken, applicationToken } from './steps/01-token.ts';
import type { LerianConfig } from './config.ts';
import type { StepDefinition } from '../../flow/step/step.ts';

/**
 * The step that provides `{{accessToken}}`, the token every Identity call and cleanup sends: the
 * admin user's password grant when an admin user is configured, else the M2M application's
 * client_credentials grant (as in step 01, where the application's token never replaces the admin's).
 */
export function lerianTokenStep(config: LerianConfig): StepDefinition {
  return config.adminUser ? adminUserToken : applicationToken;
}
