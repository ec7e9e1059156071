import { describe } from 'vitest';
import { emulatorOnlyStepTests } from './emulator-only.ts';
import {
  disableMfa,
  loginWithoutChallenge,
  statusAfterDisable,
} from '../../src/targets/lerian-identity/steps/index.ts';

describe('08 disable MFA', () => {
  emulatorOnlyStepTests(
    [disableMfa, statusAfterDisable, loginWithoutChallenge],
    'the Disable MFA path is not public; only the idflow emulator serves it (POST …/mfa/disable, ' +
      'LERIAN_IDFLOW_EMULATOR=true)',
  );
});
