import { laterTimestamp } from '../tenant/clock.ts';
import { totpLockout } from '../tenant/totp-lockout.ts';
import type { DeviceRecord, EnvironmentRecord, UserRecord } from '../tenant/model.ts';
import { fail, invalidData } from '../wire/p1-error.ts';
import { readString, Validation } from '../wire/validation.ts';
import { ensureDeviceCapacity } from './device-limit.ts';
import { totpMatches } from '../../../otp/totp.ts';

function refuseLocked(device: DeviceRecord, failureCount: number, now: number): never {
  const until = device.lockedUntil ?? now;
  return fail(
    invalidData([
      {
        code: 'CONSTRAINT_VIOLATION',
        target: 'otp',
        message:
          `The device is locked after ${failureCount} wrong codes; try again after ` +
          `${new Date(until).toISOString()}.`,
        innerError: {
          lockExpiresAt: new Date(until).toISOString(),
          secondsUntilUnlock: Math.ceil((until - now) / 1000),
        },
      },
    ]),
  );
}

/**
 * Activates `device` with the `otp` of a `device.activate+json` body, or throws the refusal:
 * missing otp, device not awaiting activation, device locked, or a wrong code (which counts
 * towards the lockout and reports the attempts left in `innerError.remainingAttempts`).
 */
export function activateDevice(
  environment: EnvironmentRecord,
  user: UserRecord,
  device: DeviceRecord,
  body: Record<string, unknown>,
  now: number = Date.now(),
): void {
  const v = new Validation();
  const otp = readString(v, body, 'otp', 'otp', { required: true });
  v.throwIfInvalid();
  if (device.status !== 'ACTIVATION_REQUIRED') {
    fail(
      invalidData([
        {
          code: 'CONSTRAINT_VIOLATION',
          target: 'status',
          message:
            `The device is ${device.status}; only devices with status ACTIVATION_REQUIRED can be ` +
            `activated.`,
        },
      ]),
    );
  }
  const lockout = totpLockout(environment, device);
  if (device.lockedUntil !== undefined) {
    if (device.lockedUntil > now) refuseLocked(device, lockout.failureCount, now);
    delete device.lockedUntil;
    device.failedActivationAttempts = 0;
  }
  if (device.secret === undefined || !totpMatches(device.secret, otp ?? '')) {
    device.failedActivationAttempts += 1;
    const remainingAttempts = Math.max(0, lockout.failureCount - device.failedActivationAttempts);
    if (remainingAttempts === 0) device.lockedUntil = now + lockout.durationSeconds * 1000;
    device.updatedAt = laterTimestamp(device.updatedAt);
    fail(
      invalidData([
        {
          code: 'INVALID_OTP',
          target: 'otp',
          message:
            remainingAttempts > 0
              ? `The one-time passcode is not valid. ${remainingAttempts} attempts remaining.`
              : `The one-time passcode is not valid. The device is now locked for ${lockout.durationSeconds} seconds.`,
          innerError: { remainingAttempts },
        },
      ]),
    );
  }
  ensureDeviceCapacity(environment, user);
  device.status = 'ACTIVE';
  device.failedActivationAttempts = 0;
  device.updatedAt = laterTimestamp(device.updatedAt);
}
