import { cited, equals, present } from '../../../flow/step/checks.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from '../conventions.ts';
import type { RequestTemplate, StepDefinition } from '../../../flow/step/step.ts';
import { DOCS, INFERRED, OAS } from '../sources.ts';

const STEP_7 = `${GETTING_STARTED}/step-7-enable-user-mfa.html`;
const MFA_ENABLED_URL = '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/mfaEnabled';
const USER_ROLES = [ROLES.environmentAdmin, ROLES.identityDataAdmin];

function putMfaEnabled(mfaEnabled: boolean): RequestTemplate {
  return { method: 'PUT', url: MFA_ENABLED_URL, auth: BEARER, body: { json: { mfaEnabled } } };
}

/**
 * Step 7 proves the flag flips whatever the environment's default for new users: the docs' user
 * example shows `false`, but the MFA OpenAPI says of `MFASettings.users.mfaEnabled` "Set
 * `mfaEnabled` to `true` if you want MFA to be enabled by default for new users", and the
 * Terraform provider's tests show that setting `true` by default. The run reads the flag, sets
 * it false and reads it back, then sets it true (the docs' step) and reads it back. Two reads
 * after PUTs of opposite values can only both hold if the PUTs change the flag, so a PUT that
 * does nothing fails on a tenant of either default. False comes first so that the flow ends on
 * the docs' step; 07, 07b and 07c keep their ids (baselines name them), the new steps take the
 * free letters 07a, 07d and 07e.
 */
export const readUserMfaDefault: StepDefinition = {
  id: '07a-read-user-mfa-default',
  title: "Read the new user's MFA enabled flag",
  docs: STEP_7,
  roles: USER_ROLES,
  request: { method: 'GET', url: MFA_ENABLED_URL, auth: BEARER },
  expect: jsonResource(200, 'pingone/user-mfa-enabled', OAS.readMfaEnabled),
  checks: cited(
    DOCS.mfaEnabledRequired,
    present('/mfaEnabled', 'the user has an mfaEnabled value before any PUT'),
  ),
};

/** The flag set false, so the later `true` is a change even where new users default to true. */
export const disableUserMfa: StepDefinition = {
  id: '07d-disable-user-mfa',
  title: 'Disable user MFA',
  docs: STEP_7,
  roles: USER_ROLES,
  request: putMfaEnabled(false),
  expect: jsonResource(200, 'pingone/user-mfa-enabled', OAS.updateMfaEnabled),
  checks: cited(DOCS.mfaEnabledField, equals('/mfaEnabled', false)),
};

/** A fresh GET shows false: the PUT took effect (an echo alone proves nothing). */
export const readUserMfaDisabled: StepDefinition = {
  id: '07e-read-user-mfa-disabled',
  after: ['07d-disable-user-mfa'],
  title: 'Read user MFA disabled',
  docs: STEP_7,
  roles: USER_ROLES,
  request: { method: 'GET', url: MFA_ENABLED_URL, auth: BEARER },
  expect: jsonResource(200, 'pingone/user-mfa-enabled', OAS.readMfaEnabled),
  checks: cited(
    DOCS.mfaEnabledField,
    equals('/mfaEnabled', false, 'GET shows mfaEnabled false after the PUT'),
  ),
};

/** Step 7: `PUT …/mfaEnabled` (the page text says POST; every sample uses PUT). */
export const enableUserMfa: StepDefinition = {
  id: '07-enable-user-mfa',
  title: 'Enable user MFA',
  docs: STEP_7,
  roles: USER_ROLES,
  request: putMfaEnabled(true),
  expect: jsonResource(200, 'pingone/user-mfa-enabled', DOCS.mfaEnabledExample),
  checks: cited(DOCS.mfaEnabledExample, equals('/mfaEnabled', true)),
};

/** The flag really flipped: a fresh GET shows it. */
export const readUserMfaEnabled: StepDefinition = {
  id: '07b-read-user-mfa-enabled',
  after: ['07-enable-user-mfa'],
  title: 'Read user MFA enabled',
  docs: STEP_7,
  roles: USER_ROLES,
  request: { method: 'GET', url: MFA_ENABLED_URL, auth: BEARER },
  expect: jsonResource(200, 'pingone/user-mfa-enabled', OAS.readMfaEnabled),
  checks: cited(DOCS.mfaEnabledField, equals('/mfaEnabled', true, 'GET shows mfaEnabled true after the PUT')),
};

/** The user resource agrees with the mfaEnabled sub-resource. */
export const readUserAfterMfa: StepDefinition = {
  id: '07c-read-user-after-mfa',
  after: ['07-enable-user-mfa'],
  title: 'The user shows MFA enabled',
  docs: STEP_7,
  roles: USER_ROLES,
  request: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}', auth: BEARER },
  expect: jsonResource(200, 'pingone/user', OAS.readUser),
  checks: cited(INFERRED.userMirrorsMfaEnabled, equals('/mfaEnabled', true, 'user.mfaEnabled is true')),
};
