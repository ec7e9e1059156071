import { TransportError } from './transport-error.ts';
import { CLEARTEXT_REFUSED } from './cleartext-connector.ts';

/** The request a low-level failure belongs to. */
export interface FailedRequest {
  method: string;
  url: string;
  timeoutMs: number;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const CLOSED_BY_PEER = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
const TIMED_OUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const TLS_PREFIXES = ['CERT_', 'ERR_TLS_', 'ERR_SSL_', 'UNABLE_TO_', 'HOSTNAME_MISMATCH'];
const TLS_CODES = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'EPROTO']);
const MALFORMED_RESPONSE_PREFIXES = ['HPE_', 'UND_ERR_RES_', 'UND_ERR_HEADERS_OVERFLOW'];

/** The most specific string `code` on the error, its `cause` chain, or an AggregateError's parts. */
function findCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || error === null || typeof error !== 'object') return undefined;
  const candidate = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const nested =
    findCode(candidate.cause, depth + 1) ??
    (Array.isArray(candidate.errors) ? findCode(candidate.errors[0], depth + 1) : undefined);
  const own = typeof candidate.code === 'string' ? candidate.code : undefined;
  // undici wraps OS errors (UND_ERR_SOCKET around ECONNRESET); the OS code says more.
  if (
    own === undefined ||
    (own.startsWith('UND_ERR_') && nested !== undefined && !nested.startsWith('UND_ERR_'))
  ) {
    return nested ?? own;
  }
  return own;
}

function describe(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, path: parsed.pathname };
  } catch {
    return { host: '(invalid URL)', path: url };
  }
}

function isTls(code: string): boolean {
  return TLS_CODES.has(code) || TLS_PREFIXES.some((prefix) => code.startsWith(prefix));
}

/** First line of a low-level message: the reason without undici's stack. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0] ?? '';
}

/** OpenSSL's short `reason` ("wrong version number") when it has one, else the first line. */
function tlsReason(error: unknown, depth = 0): string {
  if (depth < 5 && error !== null && typeof error === 'object') {
    const { reason, cause } = error as { reason?: unknown; cause?: unknown };
    if (typeof reason === 'string' && reason !== '') return reason;
    if (cause !== undefined) return tlsReason(cause, depth + 1);
  }
  return firstLine(error);
}

/** Codes of a TLS handshake with something that does not speak TLS: usually http:// sent as https://. */
const NOT_TLS = new Set([
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
]);

/**
 * Turns whatever undici or the OS threw into a TransportError whose message names the host or
 * the request and says what to check; the original error is kept as `cause`, never in the message.
 */
export function toTransportError(error: unknown, request: FailedRequest): TransportError {
  if (error instanceof TransportError) return error;
  const causeCode = findCode(error);
  const { host, path } = describe(request.url);
  const base = { method: request.method, url: request.url, causeCode, cause: error };
  const code = causeCode ?? 'UNKNOWN';

  if (TIMED_OUT.has(code)) {
    const phase = code === 'UND_ERR_BODY_TIMEOUT' ? 'the response body' : 'the response headers';
    return new TransportError({
      ...base,
      code: 'TIMEOUT',
      fault: 'api',
      message:
        `${request.method} ${path} timed out after ${request.timeoutMs} ms waiting for ${phase} ` +
        `from ${host}.`,
    });
  }
  if (code === CLEARTEXT_REFUSED) {
    return new TransportError({
      ...base,
      code: 'CONNECTION_FAILED',
      fault: 'config',
      message: `${request.method} ${path} was not sent: ${firstLine(error)}`,
    });
  }
  if (UNREACHABLE.has(code)) {
    return new TransportError({
      ...base,
      code: 'CONNECTION_FAILED',
      fault: 'unreachable',
      message:
        `Cannot connect to ${host} (${code}) for ${request.method} ${path}. Check the URL and the ` +
        `region configured for the target, and that the host is reachable from here.`,
    });
  }
  if (CLOSED_BY_PEER.has(code)) {
    // The host accepted the connection, so the URL is right: the server (or a proxy) dropped it.
    return new TransportError({
      ...base,
      code: 'CONNECTION_FAILED',
      fault: 'api',
      message:
        `The connection to ${host} was closed before a complete response to ${request.method} ` +
        `${path} (${code}). Check the URL and region if this repeats; otherwise the server or a ` +
        `proxy dropped it.`,
    });
  }
  if (isTls(code)) {
    const hint = NOT_TLS.has(code)
      ? 'The host does not answer in TLS: check the scheme (http or https) and the port of the URL.'
      : 'Check the URL and region, or the certificate the host presents.';
    return new TransportError({
      ...base,
      code: 'TLS_FAILED',
      fault: 'unreachable',
      message:
        `TLS with ${host} failed for ${request.method} ${path} (${code}: ${tlsReason(error)}). ` + `${hint}`,
    });
  }
  const malformed = MALFORMED_RESPONSE_PREFIXES.some((prefix) => code.startsWith(prefix));
  return new TransportError({
    ...base,
    code: 'REQUEST_FAILED',
    fault: malformed ? 'api' : 'suite',
    message: malformed
      ? `${host} sent a malformed HTTP response to ${request.method} ${path} (${code}: ${firstLine(error)}).`
      : `${request.method} ${path} to ${host} could not be sent (${code}: ${firstLine(error)}).`,
  });
}
