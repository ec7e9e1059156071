import { BodyParseError, EmulatorHttpError } from '../../http/index.ts';
import type { EmulatorMiddleware } from '../../http/index.ts';
import { invalidRequest, P1_MESSAGES, p1Error } from './p1-error.ts';

/**
 * Turns what handlers throw into PingOne responses: a thrown response as is, an unreadable body
 * as 400 `INVALID_REQUEST`, anything else as 500 `UNEXPECTED_ERROR`.
 */
export const errorMapping: EmulatorMiddleware = async (_req, next) => {
  try {
    return await next();
  } catch (error) {
    if (error instanceof EmulatorHttpError) return error.response;
    if (error instanceof BodyParseError) {
      return invalidRequest([{ code: 'INVALID_VALUE', target: 'body', message: error.message }]);
    }
    return p1Error(500, 'UNEXPECTED_ERROR', P1_MESSAGES.UNEXPECTED_ERROR);
  }
};
