import { GuardError } from './guard-error.ts';
import { displayUrl } from '../redact/display-url.ts';
import type { HttpRequest, Middleware } from '../http/types.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * HTTP middleware of a read-only run: every request that is not a read is refused before it is
 * sent, whatever step, probe or teardown sends it, except those `allows` names (the OAuth token
 * request, which writes nothing). `why` says what made the run read-only, for the message.
 */
export function readOnlyGuard(options: {
  readonly allows: (request: HttpRequest) => boolean;
  readonly why: string;
}): Middleware {
  return async (request, next) => {
    if (READS.has(request.method) || options.allows(request)) return next(request);
    throw new GuardError(
      'READ_ONLY_REFUSED',
      `${request.method} ${displayUrl(request.url)} was not sent: ${options.why}, so this run only ` +
        'reads. This is a bug of idflow if a step of the read-only smoke asked for it.',
    );
  };
}
