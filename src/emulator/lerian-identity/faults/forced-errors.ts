import type { EmulatorMiddleware } from '../../http/index.ts';
import { authError, identityError } from '../wire/lerian-error.ts';

/** The request header that asks the emulator for a server-side error a tenant cannot be made to give. */
export const FORCE_ERROR_HEADER = 'x-idflow-force-error';

const FORCEABLE = {
  'IDE-0006': () => identityError('0006'),
  'IDE-0045': () => identityError('0045'),
  'AUT-0005': () => authError('0005'),
} as const;

/**
 * The emulator's fault mode for 500s: an authenticated request carrying
 * `X-Idflow-Force-Error: IDE-0045` (or IDE-0006, AUT-0005) gets that error instead of an answer,
 * so the suites can check the error's shape. Any other value is ignored.
 */
export const forcedErrors: EmulatorMiddleware = async (req, next) => {
  const wanted = req.headers[FORCE_ERROR_HEADER];
  if (wanted !== undefined && wanted in FORCEABLE) return FORCEABLE[wanted as keyof typeof FORCEABLE]();
  return next();
};
