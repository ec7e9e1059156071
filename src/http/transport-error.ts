import { IdflowError } from '../errors/idflow-error.ts';
import type { Fault } from '../errors/idflow-error.ts';
import { displayUrl } from '../redact/display-url.ts';
import { redact } from '../redact/secrets.ts';

/**
 * Why a request produced no HTTP response:
 * - `CONNECTION_FAILED`: the host could not be reached (DNS, refused, reset, connect timeout);
 * - `TLS_FAILED`: the TLS handshake failed (certificate not trusted, expired, wrong host);
 * - `TIMEOUT`: the server accepted the request but sent no headers or body in time;
 * - `BODY_TOO_LARGE`: the response body exceeded the client's limit;
 * - `RUN_DEADLINE`: the whole-run deadline (`idflow run --deadline`) passed before or while it was sent;
 * - `REQUEST_FAILED`: anything else (an invalid request built by the suite, a closed client).
 */
export type TransportErrorCode =
  'CONNECTION_FAILED' | 'TLS_FAILED' | 'TIMEOUT' | 'BODY_TOO_LARGE' | 'RUN_DEADLINE' | 'REQUEST_FAILED';

/** What a transport error is about; `url` is stored redacted. */
export interface TransportErrorDetails {
  code: TransportErrorCode;
  message: string;
  fault: Fault;
  method: string;
  url: string;
  /** The low-level code that caused it, such as `ECONNREFUSED` or `UND_ERR_HEADERS_TIMEOUT`. */
  causeCode?: string;
  cause?: unknown;
}

/** A request that produced no usable HTTP response. The message says what to check next. */
export class TransportError extends IdflowError {
  declare readonly code: TransportErrorCode;
  readonly method: string;
  /** The request URL, redacted (a secret in a query string or a `user:password@` never survives). */
  readonly url: string;
  readonly causeCode: string | undefined;

  constructor(details: TransportErrorDetails) {
    super(details.code, details.message, { fault: details.fault, cause: details.cause });
    this.method = details.method;
    this.url = redact(displayUrl(details.url));
    this.causeCode = details.causeCode;
  }
}
