import { randomUUID } from 'node:crypto';
import { timestamp } from './clock.ts';
import type { DevicePolicyRecord } from './model.ts';

/** OTP settings of the offline methods, the values of the docs' create-policy example. */
function offlineMethod(enabled: boolean): Record<string, unknown> {
  return {
    enabled,
    otp: {
      failure: { count: 3, coolDown: { duration: 0, timeUnit: 'MINUTES' } },
      lifeTime: { duration: 30, timeUnit: 'MINUTES' },
      otpLength: 6,
    },
  };
}

/**
 * The device authentication policy a new environment starts with. TOTP is disabled, as the docs'
 * "Pair authenticator app" page says of PingOne's default policy; the other values follow the
 * docs' policy examples (which methods are on by default is not documented).
 */
export function defaultDevicePolicy(updatedAt: string = timestamp()): DevicePolicyRecord {
  return {
    id: randomUUID(),
    name: 'Default MFA Policy',
    default: true,
    methods: {
      authentication: { deviceSelection: 'DEFAULT_TO_FIRST' },
      newDeviceNotification: 'NONE',
      sms: offlineMethod(true),
      voice: offlineMethod(true),
      email: offlineMethod(true),
      mobile: {
        enabled: true,
        otp: {
          failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } },
          window: { stepSize: { duration: 30, timeUnit: 'SECONDS' } },
        },
        applications: [],
      },
      totp: {
        enabled: false,
        otp: { failure: { count: 3, coolDown: { duration: 2, timeUnit: 'MINUTES' } } },
      },
      fido2: { enabled: true },
    },
    updatedAt,
  };
}
