import { totpFrom } from '../../../flow/step/computed-value.ts';
import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import {
  changeRequest,
  renameVariable,
  withContentType,
  withJsonBody,
} from '../../../flow/probe/probe-request.ts';
import { wrongTotp } from '../../../flow/step/computed-value.ts';
import { ROLES } from '../conventions.ts';
import { TOTP_POLICY_BODY } from '../steps/04c-enable-totp-policy.ts';
import { DEVICE_ACTIVATE, activateTotpDevice, readAllDevices } from '../steps/11-activate-totp-device.ts';
import {
  UNSUPPORTED_MEDIA_TYPE_INFERRED,
  VALIDATION_DETAIL_REASON,
  invalidData,
  p1Error,
} from './answers.ts';
import { BULLETS } from './bullets.ts';
import { authProbes, roleSuffices, unknownEnvironment, unknownId, unknownUser } from './common.ts';
import { lockoutUser, probeDevices } from './support-steps.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';

const activate = { stepId: activateTotpDevice.id, from: activateTotpDevice } as const;
/** Wrong codes lock a device: each of these probes uses a device of its own, never the flow's. */
const onDevice = (prefix: string) => renameVariable('totpDeviceID', `${prefix}DeviceID`);
/** The lockout probe's device, under a user of its own (support-steps.ts). */
const onLockoutDevice = [renameVariable('sharedUserID', 'lockUserID'), onDevice('lockTotp')] as const;

/**
 * The run's TOTP policy (step 04d) sets `totp.otp.failure.count`: that many wrong codes lock the
 * device for its `coolDown` ("The TOTP policy's otp.failure.count / coolDown govern wrong-OTP
 * lockout for TOTP", TOTP device authentication policy data model).
 */
const LOCKOUT_AFTER = TOTP_POLICY_BODY.totp.otp.failure.count;
const LOCKOUT_ID = `${activateTotpDevice.id}/otp-after-lockout`;
/** Why the lockout answer is only inferred. */
const LOCKOUT_REASON =
  "the docs say the policy's totp.otp.failure.count locks TOTP after that many wrong codes, but not how a locked device answers (our emulator's 400 CONSTRAINT_VIOLATION on otp)";

/** One of the wrong codes sent before the lockout probe: each is refused with 400. */
function wrongAttempt(attempt: number): StepDefinition {
  return {
    id: `${LOCKOUT_ID}#${attempt}`,
    title: `wrong code ${attempt} of ${LOCKOUT_AFTER} for the lockout device`,
    ...(activateTotpDevice.docs ? { docs: activateTotpDevice.docs } : {}),
    request: changeRequest(activateTotpDevice.request, [
      ...onLockoutDevice,
      withJsonBody({ otp: '{{lockWrongOtp}}' }),
    ]),
    expect: p1Error(400, 'INVALID_DATA').expect,
  };
}

/** Step 11: the wrong media type, no otp, a wrong otp, a right otp after lockout, unknown ids. */
export const activationProbes: readonly ProbeDefinition[] = [
  ...authProbes(activate),
  unknownEnvironment(activate),
  unknownUser(activate),
  unknownId({ ...activate, slug: 'unknown-device', bullet: BULLETS.device, variable: 'totpDeviceID' }),
  deriveProbe({
    ...activate,
    slug: 'json-media-type',
    bullet: BULLETS.mediaType(DEVICE_ACTIVATE),
    provoked: 'a device of its own, its current code sent as application/json',
    changes: [
      onDevice('mediaTypeTotp'),
      withJsonBody({ otp: '{{mediaTypeTotpCode}}' }),
      withContentType('application/json'),
    ],
    derive: [totpFrom('mediaTypeTotpSecret', 'mediaTypeTotpCode')],
    before: [probeDevices.mediaType],
    answer: UNSUPPORTED_MEDIA_TYPE_INFERRED,
  }),
  deriveProbe({
    ...activate,
    slug: 'missing-otp',
    bullet: BULLETS.requestModel('otp is required'),
    provoked: 'a device of its own, an empty body {}',
    changes: [onDevice('missingOtpTotp'), withJsonBody({})],
    before: [probeDevices.missingOtp],
    answer: invalidData('REQUIRED_VALUE', 'otp', VALIDATION_DETAIL_REASON),
  }),
  deriveProbe({
    ...activate,
    slug: 'wrong-otp',
    bullet: BULLETS.requestModel('otp is the current code of the device'),
    provoked: 'a device of its own, a code that is not its current one (nor the previous or next)',
    changes: [onDevice('wrongOtpTotp'), withJsonBody({ otp: '{{wrongOtpTotpWrongCode}}' })],
    values: [wrongTotp('wrongOtpTotpSecret', 'wrongOtpTotpWrongCode')],
    before: [probeDevices.wrongOtp],
    answer: invalidData('INVALID_OTP', 'otp', VALIDATION_DETAIL_REASON),
  }),
  deriveProbe({
    ...activate,
    slug: 'otp-after-lockout',
    bullet: BULLETS.requestModel(
      `after the TOTP policy's otp.failure.count (${LOCKOUT_AFTER}) wrong codes the device is locked`,
    ),
    provoked: `a user and device of its own, ${LOCKOUT_AFTER} wrong codes, then the current code`,
    changes: [...onLockoutDevice, withJsonBody({ otp: '{{lockTotpCode}}' })],
    derive: [totpFrom('lockTotpSecret', 'lockTotpCode')],
    values: [wrongTotp('lockTotpSecret', 'lockWrongOtp')],
    before: [
      lockoutUser,
      probeDevices.lockout,
      ...Array.from({ length: LOCKOUT_AFTER }, (_, index) => wrongAttempt(index + 1)),
    ],
    answer: p1Error(
      400,
      'INVALID_DATA',
      { code: 'CONSTRAINT_VIOLATION', target: 'otp' },
      { statusInferred: LOCKOUT_REASON, detailInferred: LOCKOUT_REASON },
    ),
  }),
  roleSuffices({
    stepId: activateTotpDevice.id,
    from: readAllDevices,
    roles: [ROLES.environmentAdmin, 'Identity Admin'],
  }),
];
