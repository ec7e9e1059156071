import { EmulatorHttpError } from '../../http/index.ts';
import type { EmulatorMiddleware } from '../../http/index.ts';
import { authError, identityError } from './lerian-error.ts';
import { serviceOf } from './services.ts';

/**
 * Sends what handlers throw: a thrown response as is; anything else as the service's internal
 * error (IDE-0006 or AUT-0005), never a stack trace.
 */
export const errorMapping: EmulatorMiddleware = async (req, next) => {
  try {
    return await next();
  } catch (error) {
    if (error instanceof EmulatorHttpError) return error.response;
    return serviceOf(req.path) === 'auth' ? authError('0005') : identityError('0006');
  }
};
