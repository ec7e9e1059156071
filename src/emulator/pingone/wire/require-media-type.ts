import type { EmulatorRequest } from '../../http/index.ts';
import { MEDIA } from './media-types.ts';
import { fail, P1_MESSAGES, p1Error } from './p1-error.ts';

/**
 * The request's media type, treating a missing Content-Type as `application/json` (lenient, so a
 * bare `curl -d` still works); anything outside `accepted` is answered with 415.
 */
export function requireMediaType(req: EmulatorRequest, accepted: readonly string[]): string {
  const media = req.contentType === '' ? MEDIA.json : req.contentType;
  if (accepted.includes(media)) return media;
  return fail(
    p1Error(415, 'INVALID_REQUEST', P1_MESSAGES.INVALID_REQUEST, [
      {
        code: 'INVALID_VALUE',
        target: 'Content-Type',
        message: `Content-Type '${media}' is not supported by ${req.method} ${req.path}; use ${accepted.map((a) => `'${a}'`).join(' or ')}.`,
        innerError: { allowedValues: [...accepted] },
      },
    ]),
  );
}
