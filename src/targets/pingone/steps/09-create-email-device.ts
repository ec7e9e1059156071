import { cited, echoes, equals, locationIsSelf } from '../../../flow/step/checks.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS, INFERRED } from '../sources.ts';

/** Step 9 (the docs' step 8): an EMAIL device, ACTIVE at once when a worker creates it. */
export const createEmailDevice: StepDefinition = {
  id: '09-create-email-device',
  title: 'Set user device (Email)',
  docs: `${GETTING_STARTED}/step-8-set-user-device-email.html`,
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: {
    method: 'POST',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/devices',
    auth: BEARER,
    body: { json: { type: 'EMAIL', email: '{{email}}' } },
  },
  expect: jsonResource(201, 'pingone/device', DOCS.emailDevice),
  checks: [
    { ...locationIsSelf(), source: INFERRED.locationIsSelf },
    ...cited(
      DOCS.emailDevice,
      equals('/type', 'EMAIL'),
      equals('/status', 'ACTIVE', 'a worker-created EMAIL device is ACTIVE'),
    ),
    ...cited(DOCS.emailDeviceExample, echoes('/email', '{{email}}'), echoes('/user/id', '{{sharedUserID}}')),
  ],
  captures: [{ variable: 'emailDeviceID', pointer: '/id', id: true }],
};

export const readEmailDevice: StepDefinition = {
  id: '09b-read-email-device',
  title: 'Read the email device',
  docs: 'https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html',
  roles: [ROLES.environmentAdmin, ROLES.identityDataAdmin],
  request: {
    method: 'GET',
    url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/devices/{{emailDeviceID}}',
    auth: BEARER,
  },
  expect: jsonResource(200, 'pingone/device', DOCS.readDevice),
  checks: [
    { ...echoes('/id', '{{emailDeviceID}}'), source: INFERRED.echoOnRead },
    ...cited(DOCS.emailDevice, equals('/status', 'ACTIVE')),
  ],
};
