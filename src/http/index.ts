export type {
  Exchange,
  Handler,
  HttpClient,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  Middleware,
} from './types.ts';
export type { BuiltInPiece, HttpClientOptions } from './client.ts';
export {
  BUILT_IN_ORDER,
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
