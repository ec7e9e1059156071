import type { DeviceRecord, EnvironmentRecord } from './model.ts';

/** How many wrong activation codes lock a TOTP device, and for how long. */
export interface TotpLockout {
  readonly failureCount: number;
  readonly durationSeconds: number;
}

/**
 * The default policy's TOTP values ("otp": {"failure": {"count": 3, "coolDown": {"duration": 2, "timeUnit":
 * "MINUTES"}}}).
 */
const FALLBACK: TotpLockout = { failureCount: 3, durationSeconds: 120 };

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { SECONDS: 1, MINUTES: 60, HOURS: 3600 };

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const inner = (value as Record<string, unknown>)[key];
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : undefined;
}

/**
 * The lockout of a TOTP device's activation, from the device authentication policy it was paired
 * under (else the environment's default policy): `totp.otp.failure.count` wrong codes lock it for
 * `totp.otp.failure.coolDown` (DOCS totp-device-authentication-policy-data-model). Not the
 * environment's `mfaSettings.lockout`, which the docs tie to the user, not to device activation.
 */
export function totpLockout(environment: EnvironmentRecord, device: DeviceRecord): TotpLockout {
  const policies = [...environment.devicePolicies.values()];
  const policy =
    (device.policyId === undefined ? undefined : environment.devicePolicies.get(device.policyId)) ??
    policies.find((each) => each.default);
  const failure = objectAt(objectAt(objectAt(policy?.methods, 'totp'), 'otp'), 'failure');
  const count = failure?.count;
  const coolDown = objectAt(failure, 'coolDown');
  const unit = SECONDS_PER_UNIT[typeof coolDown?.timeUnit === 'string' ? coolDown.timeUnit : ''];
  const duration = coolDown?.duration;
  return {
    failureCount: typeof count === 'number' && count >= 1 ? count : FALLBACK.failureCount,
    durationSeconds:
      typeof duration === 'number' && unit !== undefined ? duration * unit : FALLBACK.durationSeconds,
  };
}
