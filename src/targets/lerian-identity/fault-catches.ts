import type { FaultCatches } from '../fault-catch.ts';

/** Where the Lerian Identity suites catch each of these emulator faults (`idflow selftest` checks it). */
export const lerianFaultCatches: FaultCatches = {
  'enable-without-valid-recovery-code': [
    { step: '05-enable-wrong-recovery-code', check: 'status: expected 400, given 200' },
  ],
  'accepts-wrong-passcode': [
    { step: '04c-mfa-verify-wrong-passcode', check: 'a wrong passcode is not verified' },
    { step: '07b-wrong-login-passcode', check: 'status: expected 401, given 200' },
  ],
  'skips-login-challenge': [
    { step: '06-login-mfa-challenge', check: 'schema lerian-identity/mfa-challenge' },
  ],
  'error-without-code': [{ step: '03-enable-without-setup', check: 'schema lerian-identity/error-message' }],
};
