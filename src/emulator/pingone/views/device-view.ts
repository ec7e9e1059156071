import type { DeviceRecord, EnvironmentRecord, UserRecord } from '../tenant/model.ts';
import { link } from '../wire/hal.ts';
import type { HalResource } from '../wire/hal.ts';

/**
 * An MFA device. The TOTP `secret` and `keyUri` are never part of it: the create handler adds them
 * to its own response only.
 */
export function deviceView(
  api: string,
  environment: EnvironmentRecord,
  user: UserRecord,
  device: DeviceRecord,
  now: number = Date.now(),
): HalResource {
  const envPath = `/environments/${environment.id}`;
  const userPath = `${envPath}/users/${user.id}`;
  const locked = device.lockedUntil !== undefined && device.lockedUntil > now;
  return {
    _links: {
      self: link(api, `${userPath}/devices/${device.id}`),
      environment: link(api, envPath),
      user: link(api, userPath),
    },
    id: device.id,
    environment: { id: environment.id },
    user: { id: user.id },
    type: device.type,
    status: device.status,
    ...(device.nickname === undefined ? {} : { nickname: device.nickname }),
    createdAt: device.createdAt,
    updatedAt: device.updatedAt,
    ...(device.email === undefined ? {} : { email: device.email }),
    ...(device.phone === undefined ? {} : { phone: device.phone }),
    ...(locked
      ? { lock: { status: 'LOCKED', expiresAt: new Date(device.lockedUntil ?? now).toISOString() } }
      : {}),
  };
}
