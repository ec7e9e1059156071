import { cited, echoes, equals } from '../../../flow/step/checks.ts';
import { BEARER, ROLES, jsonResource } from '../conventions.ts';
import type { JsonTemplate } from '../../../flow/step/template.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS as SOURCES, OAS } from '../sources.ts';

const DOCS = 'https://apidocs.pingidentity.com/pingone/platform/v1/api/#put-update-mfa-settings';

/** The documented "Update MFA Settings" body, verbatim. */
export const MFA_SETTINGS_BODY = {
  pairing: { maxAllowedDevices: 10, pairingKeyFormat: 'ALPHANUMERIC' },
  lockout: { failureCount: 6, durationSeconds: 1200 },
  phoneExtensions: { enabled: true },
  users: { mfaEnabled: true },
} as const satisfies JsonTemplate;

const settingsChecks = cited(
  SOURCES.mfaSettingsExample,
  equals('/pairing/maxAllowedDevices', 10),
  equals('/pairing/pairingKeyFormat', 'ALPHANUMERIC'),
  equals('/lockout/failureCount', 6),
  equals('/lockout/durationSeconds', 1200),
  equals('/phoneExtensions/enabled', true),
  equals('/users/mfaEnabled', true),
  echoes('/environment/id', '{{envID}}'),
);

/** Step 8: replace the environment's MFA settings with the documented body. */
export const updateMfaSettings: StepDefinition = {
  id: '08-update-mfa-settings',
  title: 'Update MFA settings',
  docs: DOCS,
  roles: [ROLES.environmentAdmin],
  request: {
    method: 'PUT',
    url: '{{apiPath}}/environments/{{envID}}/mfaSettings',
    auth: BEARER,
    body: { json: MFA_SETTINGS_BODY },
  },
  expect: jsonResource(200, 'pingone/mfa-settings', OAS.updateMfaSettings),
  checks: settingsChecks,
};

/** The settings persisted: a fresh GET shows every field of the PUT. */
export const readMfaSettings: StepDefinition = {
  id: '08b-read-mfa-settings',
  after: ['08-update-mfa-settings'],
  title: 'Read MFA settings',
  docs: DOCS,
  roles: [ROLES.environmentAdmin],
  request: { method: 'GET', url: '{{apiPath}}/environments/{{envID}}/mfaSettings', auth: BEARER },
  expect: jsonResource(200, 'pingone/mfa-settings', OAS.readMfaSettings),
  checks: settingsChecks,
};
