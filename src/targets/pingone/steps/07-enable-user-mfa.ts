import { equals } from '../../../flow/checks.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step.ts';

/** Step 7: `PUT …/mfaEnabled` (the page text says POST; every sample uses PUT). */
export const enableUserMfa: StepDefinition = {
  id: '07-enable-user-mfa',
  title: 'Enable user MFA',
  docs: `${GETTING_STARTED}/step-7-enable-user-mfa.html`,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: {
    method: 'PUT',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/mfaEnabled',
    auth: BEARER,
    body: { json: { mfaEnabled: true } },
  },
  expect: jsonResource(200, 'pingone/user-mfa-enabled'),
  checks: [equals('/mfaEnabled', true)],
};

/** The flag really flipped: a fresh GET shows it. */
export const readUserMfaEnabled: StepDefinition = {
  id: '07b-read-user-mfa-enabled',
  title: 'Read user MFA enabled',
  docs: `${GETTING_STARTED}/step-7-enable-user-mfa.html`,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/mfaEnabled', auth: BEARER },
  expect: jsonResource(200, 'pingone/user-mfa-enabled'),
  checks: [equals('/mfaEnabled', true, 'GET shows mfaEnabled true after the PUT')],
};

/** The user resource agrees with the mfaEnabled sub-resource. */
export const readUserAfterMfa: StepDefinition = {
  id: '07c-read-user-after-mfa',
  title: 'The user shows MFA enabled',
  docs: `${GETTING_STARTED}/step-7-enable-user-mfa.html`,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}', auth: BEARER },
  expect: jsonResource(200, 'pingone/user'),
  checks: [equals('/mfaEnabled', true, 'user.mfaEnabled is true')],
};
