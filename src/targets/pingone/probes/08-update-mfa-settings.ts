import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe/probe-request.ts';
import { ROLES } from '../conventions.ts';
import { MFA_SETTINGS_BODY, updateMfaSettings } from '../steps/08-update-mfa-settings.ts';
import { VALIDATION_DETAIL_REASON, invalidData } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { authProbes, roleRefused, unknownEnvironment } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

const settings = { stepId: updateMfaSettings.id, from: updateMfaSettings } as const;
const { pairing, lockout, ...rest } = MFA_SETTINGS_BODY;

/**
 * Step 8: the documented body with one field out of the model. Only the broken field differs, so
 * a tenant that wrongly accepts one leaves the settings the flow set otherwise intact.
 */
export const mfaSettingsProbes: readonly ProbeDefinition[] = [
  ...authProbes(settings),
  unknownEnvironment(settings),
  deriveProbe({
    ...settings,
    slug: 'max-devices-out-of-range',
    bullet: BULLETS.requestModel('pairing.maxAllowedDevices is 1 to 15'),
    provoked: 'pairing.maxAllowedDevices 99',
    changes: [withJsonBody({ ...MFA_SETTINGS_BODY, pairing: { ...pairing, maxAllowedDevices: 99 } })],
    answer: invalidData('OUT_OF_RANGE', 'pairing.maxAllowedDevices', VALIDATION_DETAIL_REASON),
  }),
  deriveProbe({
    ...settings,
    slug: 'pairing-key-format-outside-enum',
    bullet: BULLETS.requestModel('pairing.pairingKeyFormat is NUMERIC or ALPHANUMERIC'),
    provoked: 'pairing.pairingKeyFormat "HEX"',
    changes: [withJsonBody({ ...MFA_SETTINGS_BODY, pairing: { ...pairing, pairingKeyFormat: 'HEX' } })],
    answer: invalidData('INVALID_VALUE', 'pairing.pairingKeyFormat', VALIDATION_DETAIL_REASON),
  }),
  deriveProbe({
    ...settings,
    slug: 'missing-pairing',
    bullet: BULLETS.requestModel('pairing is required'),
    provoked: 'the body without pairing',
    changes: [withJsonBody({ ...rest, lockout })],
    answer: invalidData('REQUIRED_VALUE', 'pairing', VALIDATION_DETAIL_REASON),
  }),
  deriveProbe({
    ...settings,
    slug: 'lockout-without-failure-count',
    bullet: BULLETS.requestModel('lockout.failureCount is required within lockout'),
    provoked: 'lockout with durationSeconds only',
    changes: [withJsonBody({ ...MFA_SETTINGS_BODY, lockout: { durationSeconds: lockout.durationSeconds } })],
    answer: invalidData('REQUIRED_VALUE', 'lockout.failureCount', VALIDATION_DETAIL_REASON),
  }),
  roleRefused({ ...settings, roles: [ROLES.environmentAdmin] }),
];
