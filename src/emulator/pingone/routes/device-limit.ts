import type { EnvironmentRecord, UserRecord } from '../tenant/model.ts';
import { fail, invalidData } from '../wire/p1-error.ts';

/**
 * Refuses to add one more usable device when the user already holds `pairing.maxAllowedDevices`
 * of them. Like PingOne, only ACTIVE and BLOCKED devices count; devices still awaiting activation
 * are checked again when they are activated.
 */
export function ensureDeviceCapacity(environment: EnvironmentRecord, user: UserRecord): void {
  const max = environment.mfaSettings.pairing.maxAllowedDevices;
  const counted = [...user.devices.values()].filter(
    (device) => device.status === 'ACTIVE' || device.status === 'BLOCKED',
  ).length;
  if (counted < max) return;
  fail(
    invalidData([
      {
        code: 'SIZE_LIMIT_EXCEEDED',
        message:
          `The user already has ${counted} active devices; mfaSettings.pairing.maxAllowedDevices ` +
          `allows ${max}.`,
        innerError: { maximumValue: max },
      },
    ]),
  );
}
