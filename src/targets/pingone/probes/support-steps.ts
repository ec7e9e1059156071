import { cited, equals } from '../../../flow/checks.ts';
import { createTotpDevice } from '../steps/10-create-totp-device.ts';
import { BEARER } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step.ts';
import { INFERRED } from '../sources.ts';

/**
 * A TOTP device of the probes' own for the shared user, so wrong codes never count against the
 * flow's device. Deleted at teardown (and with the environment).
 */
export function probeTotpDevice(id: string, title: string, prefix: string): StepDefinition {
  return {
    ...createTotpDevice,
    id,
    title,
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
      request: {
        method: 'DELETE',
        url: `{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}/devices/{{${prefix}DeviceID}}`,
        auth: BEARER,
      },
      okStatuses: [204, 404],
    },
  };
}

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
    'Create a TOTP device for the lockout probe (locked on purpose)',
    'lockTotp',
  ),
} as const;

/** Steps that create the probes' own resources. */
export const probeSupportSteps: readonly StepDefinition[] = Object.values(probeDevices);
