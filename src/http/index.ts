export type {
  Exchange,
  Handler,
  HttpClient,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  Middleware,
  RetryAttempt,
  RetryRecord,
} from './types.ts';
export type { RetryPolicy } from './backoff.ts';
export { DEFAULT_RETRY_POLICY, backoffDelayMs, parseRetryAfter } from './backoff.ts';
export { IDEMPOTENT_METHODS, decideRetry } from './retry-decision.ts';
export { retriesOf, retry } from './retry.ts';
export { runDeadline } from './run-deadline.ts';
export type { RetryOptions } from './retry.ts';
export type { BuiltInPiece, HttpClientOptions } from './client.ts';
export {
  BUILT_IN_ORDER,
  INNER_BUILT_IN_ORDER,
  DEFAULT_DEADLINE_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  buildMiddleware,
  createHttpClient,
} from './client.ts';
export { compose } from './compose.ts';
export { toCurl } from './curl.ts';
export { recording } from './recording.ts';
export { secretCapture } from './secret-capture.ts';
export { timing } from './timing.ts';
