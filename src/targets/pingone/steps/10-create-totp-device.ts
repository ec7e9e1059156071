import { absent, cited, equals, inferredCheck, locationIsSelf, matches } from '../../../flow/step/checks.ts';
import { BEARER, ROLES, jsonResource } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS as SOURCES, INFERRED } from '../sources.ts';

const DOCS = 'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html';
const CREATE_TOTP_DOCS =
  'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/create-mfa-user-device-totp-.html';

/** Why `secret` and `keyUri` on the created TOTP device are only inferred. */
const TOTP_FIELDS_REASON =
  "the reference marks the TOTP create response's secret and keyUri unverified (no docs example shows them); our emulator returns both";

/**
 * Step 10: a TOTP device, paired under the run's TOTP policy (step 04d); it needs activation and
 * returns its secret once.
 */
export const createTotpDevice: StepDefinition = {
  id: '10-create-totp-device',
  title: 'Create a TOTP device',
  docs: CREATE_TOTP_DOCS,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: {
    method: 'POST',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/devices',
    auth: BEARER,
    // The docs' sample pairs under a named policy: {"type": "TOTP", "policy": {"id":
    // "{{deviceAuthenticationPolicyID}}"}}.
    body: { json: { type: 'TOTP', policy: { id: '{{devicePolicyID}}' } } },
  },
  expect: {
    ...jsonResource(201, 'pingone/device', SOURCES.createDevice),
    inferredSchema: { schema: 'pingone/device-totp-created', reason: TOTP_FIELDS_REASON },
  },
  checks: [
    { ...locationIsSelf(), source: INFERRED.locationIsSelf },
    ...cited(SOURCES.createDevice, equals('/type', 'TOTP')),
    ...cited(
      INFERRED.totpPending,
      equals('/status', 'ACTIVATION_REQUIRED', 'a new TOTP device needs activation'),
    ),
    inferredCheck(
      matches('/keyUri', /^otpauth:\/\/totp\//, 'keyUri is an otpauth://totp/ URI'),
      TOTP_FIELDS_REASON,
    ),
  ],
  captures: [
    { variable: 'totpDeviceID', pointer: '/id', id: true },
    // Activation needs the secret: without it the flow cannot go on, whatever its provenance.
    { variable: 'totpSecret', pointer: '/secret', secret: true },
    { variable: 'totpKeyUri', pointer: '/keyUri', secret: true, optional: true },
  ],
};

/** The secret is shown once: a later read must not return it. */
export const readTotpDevice: StepDefinition = {
  id: '10b-read-totp-device',
  title: 'Read the TOTP device',
  docs: DOCS,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: {
    method: 'GET',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/devices/{{totpDeviceID}}',
    auth: BEARER,
  },
  expect: jsonResource(200, 'pingone/device', SOURCES.readDevice),
  checks: [
    ...cited(INFERRED.totpPending, equals('/status', 'ACTIVATION_REQUIRED')),
    ...cited(INFERRED.secretOnce, absent('/secret', 'the secret is not returned on reads')),
  ],
};
