import { cited, echoes, equals, listContains, locationIsSelf } from '../../../flow/step/checks.ts';
import { RUN_PREFIX } from '../../../flow/run/run-id.ts';
import { BEARER, ROLES, jsonResource } from '../conventions.ts';
import type { JsonTemplate } from '../../../flow/step/template.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS, INFERRED, OAS } from '../sources.ts';

const POLICIES_DOCS = 'https://developer.pingidentity.com/pingone-api/mfa/device-authentication-policy.html';

/**
 * Why the run needs its own policy: the workflow library's "Pair authenticator app" page says
 * "your environment's MFA device authentication policy must have the Authenticator App (TOTP)
 * authentication method enabled. The PingOne default device authentication policy sets this
 * method to false."
 */
const PAIR_AUTHENTICATOR_APP =
  'https://developer.pingidentity.com/pingone-api/workflow-library/pingone-mfa/login-with-an-authenticator-app/configure-your-test-user/step-13-set-user-device-totp.html';

/**
 * How the vendor enables a method for its own flows: every use case that pairs a device first
 * creates a policy of its own, `"default": false`, with that method `"enabled": true` ("Create
 * the device authentication policy": "creates a device authentication policy to specify enabled
 * device types"). Doing the same leaves the environment's default policy, which the run may not
 * own (PINGONE_ENV_ID), untouched.
 */
const CREATE_POLICY_DOCS =
  'https://developer.pingidentity.com/pingone-api/workflow-library/multi-factor-authentication/create-an-mfa-transaction-approval-using-sms/step-14-create-the-device-authentication-policy.html';

const OFFLINE_OTP = {
  failure: { count: 3, coolDown: { duration: 0, timeUnit: 'MINUTES' } },
  lifeTime: { duration: 30, timeUnit: 'MINUTES' },
} as const;
const APP_OTP = { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } } as const;

/**
 * The use cases' body with the methods this flow pairs (email, TOTP) enabled and the required
 * others present but off; the OTP values are the samples' own.
 */
export const TOTP_POLICY_BODY = {
  name: `${RUN_PREFIX}-{{runId}}-totp-policy`,
  default: false,
  sms: { enabled: false, otp: OFFLINE_OTP },
  voice: { enabled: false, otp: OFFLINE_OTP },
  email: { enabled: true, otp: OFFLINE_OTP },
  mobile: { enabled: false, otp: APP_OTP },
  totp: { enabled: true, otp: APP_OTP },
} as const satisfies JsonTemplate;

/** The new environment comes with a default device authentication policy ("MFA policy"). */
export const readDevicePolicies: StepDefinition = {
  id: '04c-read-device-policies',
  title: 'Read the device authentication policies',
  docs: PAIR_AUTHENTICATOR_APP,
  roles: [ROLES.environmentAdmin],
  request: {
    method: 'GET',
    url: '{{apiPath}}/environments/{{envID}}/deviceAuthenticationPolicies',
    auth: BEARER,
  },
  expect: jsonResource(200, 'pingone/device-authentication-policies', OAS.readPolicies),
  checks: cited(
    DOCS.defaultPolicy,
    listContains('/_embedded/deviceAuthenticationPolicies', { '/default': true }, 'a default policy exists'),
  ),
};

/**
 * A policy of the run's own with TOTP enabled; step 10 pairs under it (`policy.id`). In an
 * environment the run created it goes with the environment; in one PINGONE_ENV_ID names, teardown
 * deletes it (EXISTING_ENVIRONMENT_CLEANUPS).
 */
export const createTotpPolicy: StepDefinition = {
  id: '04d-create-totp-policy',
  title: 'Create a device authentication policy with TOTP enabled',
  docs: CREATE_POLICY_DOCS,
  roles: [ROLES.environmentAdmin],
  request: {
    method: 'POST',
    url: '{{apiPath}}/environments/{{envID}}/deviceAuthenticationPolicies',
    auth: BEARER,
    body: { json: TOTP_POLICY_BODY },
  },
  expect: jsonResource(201, 'pingone/device-authentication-policy', OAS.createPolicy),
  checks: [
    { ...locationIsSelf(), source: INFERRED.locationIsSelf },
    ...cited(
      INFERRED.policyEcho,
      echoes('/name', TOTP_POLICY_BODY.name),
      equals('/default', false, 'the run leaves the default policy the default'),
      equals('/totp/enabled', true, 'TOTP is enabled in the new policy'),
    ),
  ],
  captures: [{ variable: 'devicePolicyID', pointer: '/id', id: true }],
};

/** The policy persisted: a fresh GET shows TOTP enabled. */
export const readTotpPolicy: StepDefinition = {
  id: '04e-read-totp-policy',
  title: 'Read the TOTP policy back',
  docs: POLICIES_DOCS,
  roles: [ROLES.environmentAdmin],
  request: {
    method: 'GET',
    url: '{{apiPath}}/environments/{{envID}}/deviceAuthenticationPolicies/{{devicePolicyID}}',
    auth: BEARER,
  },
  expect: jsonResource(200, 'pingone/device-authentication-policy', OAS.readPolicy),
  checks: cited(
    INFERRED.policyEcho,
    echoes('/id', '{{devicePolicyID}}'),
    equals('/totp/enabled', true, 'GET shows TOTP enabled after the create'),
    equals('/default', false),
  ),
};
