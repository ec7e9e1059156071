import type { MfaSettingsRecord } from '../tenant/model.ts';
import { readBoolean, readEnum, readInteger, readObject, Validation } from '../wire/validation.ts';

export type MfaSettingsInput = Omit<MfaSettingsRecord, 'updatedAt'>;

/**
 * Validates a PUT mfaSettings body. PUT replaces: omitted optional objects fall back to their
 * defaults and an omitted `lockout` removes the lockout.
 */
export function readMfaSettings(body: Record<string, unknown>): MfaSettingsInput {
  const v = new Validation();
  const pairing = readObject(v, body, 'pairing', 'pairing', { required: true });
  const maxAllowedDevices = pairing
    ? readInteger(v, pairing, 'maxAllowedDevices', 'pairing.maxAllowedDevices', {
        required: true,
        min: 1,
        max: 15,
      })
    : undefined;
  const pairingKeyFormat = pairing
    ? readEnum(v, pairing, 'pairingKeyFormat', 'pairing.pairingKeyFormat', ['NUMERIC', 'ALPHANUMERIC'], {
        required: true,
      })
    : undefined;

  const lockoutBody = readObject(v, body, 'lockout', 'lockout');
  const failureCount = lockoutBody
    ? readInteger(v, lockoutBody, 'failureCount', 'lockout.failureCount', { required: true, min: 1 })
    : undefined;
  const durationSeconds = lockoutBody
    ? readInteger(v, lockoutBody, 'durationSeconds', 'lockout.durationSeconds', { min: 0 })
    : undefined;

  const phoneExtensions = readObject(v, body, 'phoneExtensions', 'phoneExtensions');
  const phoneEnabled = phoneExtensions
    ? readBoolean(v, phoneExtensions, 'enabled', 'phoneExtensions.enabled')
    : undefined;
  const users = readObject(v, body, 'users', 'users');
  const usersMfaEnabled = users ? readBoolean(v, users, 'mfaEnabled', 'users.mfaEnabled') : undefined;
  const authentication = readObject(v, body, 'authentication', 'authentication');
  const deviceSelection = authentication
    ? readEnum(
        v,
        authentication,
        'deviceSelection',
        'authentication.deviceSelection',
        ['DEFAULT_TO_FIRST', 'PROMPT_TO_SELECT'],
        {
          required: true,
        },
      )
    : undefined;
  v.throwIfInvalid();

  return {
    pairing: { maxAllowedDevices: maxAllowedDevices ?? 5, pairingKeyFormat: pairingKeyFormat ?? 'NUMERIC' },
    ...(failureCount === undefined
      ? {}
      : { lockout: { failureCount, ...(durationSeconds === undefined ? {} : { durationSeconds }) } }),
    phoneExtensions: { enabled: phoneEnabled ?? false },
    users: { mfaEnabled: usersMfaEnabled ?? true },
    authentication: { deviceSelection: deviceSelection ?? 'DEFAULT_TO_FIRST' },
  };
}
