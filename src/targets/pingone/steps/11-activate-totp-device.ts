import { cited, echoes, equals, inferredCheck, listContains } from '../../../flow/step/checks.ts';
import { totpFrom } from '../../../flow/step/computed-value.ts';
import { BEARER, CORRELATED, JSON_BODY, ROLES, jsonResource } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS } from '../sources.ts';

/** The docs' custom media type that selects "activate" on the device resource. */
export const DEVICE_ACTIVATE = 'application/vnd.pingidentity.device.activate+json';

/** Why the activation answer's body is only inferred. */
const ACTIVATION_BODY_REASON =
  'the activation docs give no response example and the OAS leaves the 200 untyped; our emulator answers ' +
  'the device';

/** Step 11: activate the TOTP device with the current RFC 6238 code. */
export const activateTotpDevice: StepDefinition = {
  id: '11-activate-totp-device',
  title: 'Activate MFA user device (TOTP)',
  docs: 'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/activate-mfa-user-device.html',
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  derive: [totpFrom('totpSecret', 'totpCode')],
  request: {
    method: 'POST',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/devices/{{totpDeviceID}}',
    auth: BEARER,
    body: { json: { otp: '{{totpCode}}' }, contentType: DEVICE_ACTIVATE },
  },
  // The docs give no example and the OAS leaves the 200 untyped: what it holds is inferred; the
  // device being ACTIVE is proven by the documented read of 11b.
  expect: {
    status: 200,
    contentType: JSON_BODY,
    headers: CORRELATED,
    source: DOCS.activated,
    inferredSchema: { schema: 'pingone/device', reason: ACTIVATION_BODY_REASON },
  },
  checks: [
    inferredCheck(echoes('/id', '{{totpDeviceID}}'), ACTIVATION_BODY_REASON),
    inferredCheck(
      equals('/status', 'ACTIVE', 'the device is ACTIVE after activation'),
      ACTIVATION_BODY_REASON,
    ),
  ],
};

/** Read all: both devices are listed, the TOTP one now ACTIVE. */
export const readAllDevices: StepDefinition = {
  id: '11b-read-all-devices',
  after: ['11-activate-totp-device'],
  title: 'Read all MFA user devices',
  docs: 'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html',
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: {
    method: 'GET',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/devices',
    auth: BEARER,
  },
  expect: jsonResource(200, 'pingone/devices', DOCS.readDevices),
  checks: [
    ...cited(
      DOCS.activated,
      listContains(
        '/_embedded/devices',
        { '/id': '{{totpDeviceID}}', '/status': 'ACTIVE' },
        'the TOTP device is listed ACTIVE',
      ),
    ),
    ...cited(
      DOCS.readDevices,
      listContains(
        '/_embedded/devices',
        { '/id': '{{emailDeviceID}}', '/type': 'EMAIL' },
        'the email device is listed',
      ),
    ),
  ],
};
