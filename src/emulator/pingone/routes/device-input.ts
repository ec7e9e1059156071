import { randomUUID } from 'node:crypto';
import { timestamp } from '../tenant/clock.ts';
import { DEVICE_TYPES } from '../tenant/model.ts';
import type { DeviceRecord } from '../tenant/model.ts';
import { readEnum, readString, Validation } from '../wire/validation.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * Validates a create-device body and builds the device. Worker-created EMAIL, SMS and VOICE
 * devices are ACTIVE at once; TOTP devices always wait for activation with a code.
 */
export function readNewDevice(body: Record<string, unknown>): DeviceRecord {
  const v = new Validation();
  const type = readEnum(v, body, 'type', 'type', DEVICE_TYPES, { required: true });
  const nickname = readString(v, body, 'nickname', 'nickname', { maxLength: 100 });
  let email: string | undefined;
  let phone: string | undefined;
  if (type === 'EMAIL') {
    email = readString(v, body, 'email', 'email', { required: true });
    if (email !== undefined && !EMAIL.test(email))
      v.invalid('email', 'email must be an email address such as user@example.com.');
  }
  if (type === 'SMS' || type === 'VOICE') {
    phone = readString(v, body, 'phone', 'phone', { required: true });
    if (phone !== undefined && !E164.test(phone)) {
      v.invalid('phone', 'phone must be an E.164 number such as +15125551212.', {
        allowedPattern: E164.source,
      });
    }
  }
  v.throwIfInvalid();
  const at = timestamp();
  return {
    id: randomUUID(),
    type: type ?? 'EMAIL',
    status: type === 'TOTP' ? 'ACTIVATION_REQUIRED' : 'ACTIVE',
    ...(email === undefined ? {} : { email }),
    ...(phone === undefined ? {} : { phone }),
    ...(nickname === undefined ? {} : { nickname }),
    failedActivationAttempts: 0,
    createdAt: at,
    updatedAt: at,
  };
}
