import { cited, echoes, equals, present } from '../../../flow/step/checks.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS } from '../sources.ts';

/** The docs' custom media type that selects "set password" on the password resource. */
export const PASSWORD_SET = 'application/vnd.pingidentity.password.set+json';

/** Step 6: an admin sets the user's (generated, secret) password. */
export const setUserPassword: StepDefinition = {
  id: '06-set-user-password',
  title: 'Set the user password',
  docs: `${GETTING_STARTED}/step-6-set-user-password.html`,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: {
    method: 'PUT',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/password',
    auth: BEARER,
    body: { json: { value: '{{userPassword}}', forceChange: false }, contentType: PASSWORD_SET },
  },
  expect: jsonResource(200, 'pingone/password-state', DOCS.passwordSet),
  checks: [
    ...cited(DOCS.passwordSet, equals('/status', 'OK')),
    ...cited(DOCS.passwordExample, echoes('/user/id', '{{sharedUserID}}'), present('/lastChangedAt')),
  ],
};

/** The password state reads back as set. */
export const readPasswordState: StepDefinition = {
  id: '06b-read-password-state',
  after: ['06-set-user-password'],
  title: 'Read the password state',
  docs: `${GETTING_STARTED}/step-6-set-user-password.html`,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: {
    method: 'GET',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/password',
    auth: BEARER,
  },
  expect: jsonResource(200, 'pingone/password-state', DOCS.passwordRead),
  checks: cited(DOCS.passwordSet, equals('/status', 'OK')),
};
