import { cited, echoes, equals } from '../../../flow/step/checks.ts';
import { createUser } from '../steps/05-create-user.ts';
import { createTotpDevice } from '../steps/10-create-totp-device.ts';
import { BEARER } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { DOCS, INFERRED } from '../sources.ts';

/**
 * A TOTP device of the probes' own for a user (the shared one unless `userVariable` names
 * another), so wrong codes never count against the flow's device. Deleted at teardown (and with
 * the environment).
 */
export function probeTotpDevice(
  id: string,
  title: string,
  prefix: string,
  userVariable = 'sharedUserID',
): StepDefinition {
  const devices = `{{apiPath}}/environments/{{envID}}/users/{{${userVariable}}}/devices`;
  return {
    ...createTotpDevice,
    id,
    title,
    request: { ...createTotpDevice.request, url: devices },
    checks: cited(
      INFERRED.totpPending,
      equals('/status', 'ACTIVATION_REQUIRED', 'a new TOTP device needs activation'),
    ),
    captures: [
      { variable: `${prefix}DeviceID`, pointer: '/id', id: true },
      { variable: `${prefix}Secret`, pointer: '/secret', secret: true },
    ],
    cleanup: {
      description: `the probes' TOTP device (${id})`,
      request: { method: 'DELETE', url: `${devices}/{{${prefix}DeviceID}}`, auth: BEARER },
      okStatuses: [204, 404],
    },
  };
}

/** The step without its settle policy: by the probes, the new environment's lag is long over. */
function withoutSettle({ settle: _settle, ...step }: StepDefinition): StepDefinition {
  return step;
}

/**
 * A user of the lockout probe's own, in the run's population: whether PingOne counts wrong codes
 * against the device or the user is not documented, so locking never touches the shared user.
 */
export const lockoutUser: StepDefinition = {
  ...withoutSettle(createUser),
  id: '11p-user-for-lockout',
  title: 'Create a user for the lockout probe',
  request: {
    ...createUser.request,
    body: {
      json: { email: '{{lockEmail}}', population: { id: '{{sharedPopID}}' }, username: '{{lockUsername}}' },
    },
  },
  checks: cited(DOCS.userExample, echoes('/username', '{{lockUsername}}')),
  captures: [{ variable: 'lockUserID', pointer: '/id', id: true }],
  cleanup: {
    description: "the lockout probe's user",
    request: {
      method: 'DELETE',
      url: '{{apiPath}}/environments/{{envID}}/users/{{lockUserID}}',
      auth: BEARER,
    },
    okStatuses: [204, 404],
  },
};

/** One device per activation probe, so what one probe does to its device never decides another's outcome. */
export const probeDevices = {
  mediaType: probeTotpDevice(
    '11p-device-for-json-media-type',
    'Create a TOTP device for the media-type probe',
    'mediaTypeTotp',
  ),
  missingOtp: probeTotpDevice(
    '11p-device-for-missing-otp',
    'Create a TOTP device for the missing-otp probe',
    'missingOtpTotp',
  ),
  wrongOtp: probeTotpDevice(
    '11p-device-for-wrong-otp',
    'Create a TOTP device for the wrong-otp probe',
    'wrongOtpTotp',
  ),
  lockout: probeTotpDevice(
    '11p-device-for-lockout',
    "Create a TOTP device for the lockout probe's user (locked on purpose)",
    'lockTotp',
    'lockUserID',
  ),
} as const;

/** Steps that create the probes' own resources. */
export const probeSupportSteps: readonly StepDefinition[] = [lockoutUser, ...Object.values(probeDevices)];
