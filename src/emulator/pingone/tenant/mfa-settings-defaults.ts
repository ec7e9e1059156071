import { timestamp } from './clock.ts';
import type { MfaSettingsRecord } from './model.ts';

/** MFA settings of a new environment, and what DELETE resets them to. */
export function defaultMfaSettings(updatedAt: string = timestamp()): MfaSettingsRecord {
  return {
    pairing: { maxAllowedDevices: 5, pairingKeyFormat: 'NUMERIC' },
    phoneExtensions: { enabled: false },
    users: { mfaEnabled: true },
    authentication: { deviceSelection: 'DEFAULT_TO_FIRST' },
    updatedAt,
  };
}
