import type { FaultCatches } from '../fault-catch.ts';

/** Where the PingOne suites catch each of these emulator faults (`idflow selftest` checks it). */
export const pingOneFaultCatches: FaultCatches = {
  'device-missing-status': [{ step: '09-create-email-device', check: 'schema pingone/device' }],
  'mfa-enabled-not-persisted': [
    { step: '07b-read-user-mfa-enabled', check: 'GET shows mfaEnabled true after the PUT' },
  ],
  // New users start true, so the docs' PUT of true proves nothing; the PUT of false before it does.
  'mfa-enabled-ignored-default-true': [
    { step: '07e-read-user-mfa-disabled', check: 'GET shows mfaEnabled false after the PUT' },
  ],
  'device-not-activated': [{ step: '11b-read-all-devices', check: 'the TOTP device is listed ACTIVE' }],
  'create-user-returns-200': [{ step: '05-create-user', check: 'status: expected 201, given 200' }],
  'mfa-settings-not-persisted': [
    { step: '08b-read-mfa-settings', check: '/pairing/maxAllowedDevices is 10' },
  ],
  'device-policy-update-not-persisted': [
    { step: '04e-read-totp-policy', check: 'GET shows TOTP enabled after the create' },
  ],
};
