import { TransportError } from './transport-error.ts';
import { CLEARTEXT_REFUSED } from './cleartext-connector.ts';

/** Whether the request's server asked for a client certificate in a handshake, and whether one is configured. */
export interface ClientCertificateNote {
  readonly asked: boolean;
  readonly sent: boolean;
}

/** The request a low-level failure belongs to. */
export interface FailedRequest {
  method: string;
  url: string;
  timeoutMs: number;
  clientCertificate?: ClientCertificateNote | undefined;
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

/** The server's certificate chains to no CA this machine trusts. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);
const NOT_VALID_NOW = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
/** Alerts a server sends about the client's certificate (or its absence). */
const CLIENT_CERTIFICATE_ALERTS = [
  'CERTIFICATE_REQUIRED',
  'BAD_CERTIFICATE',
  'UNSUPPORTED_CERTIFICATE',
  'CERTIFICATE_UNKNOWN',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_REVOKED',
  'UNKNOWN_CA',
  'ACCESS_DENIED',
  'DECRYPT_ERROR',
];

/** `socket.bytesRead` of an undici socket error (or its cause): 0 when no answer came on the connection. */
function bytesRead(error: unknown, depth = 0): number | undefined {
  if (depth > 5 || error === null || typeof error !== 'object') return undefined;
  const { socket, cause } = error as { socket?: { bytesRead?: unknown }; cause?: unknown };
  if (typeof socket?.bytesRead === 'number') return socket.bytesRead;
  return bytesRead(cause, depth + 1);
}

/** What to do about the client certificate a server wanted: send one, or send one it accepts. */
function clientCertificateHint(host: string, sent: boolean): string {
  return sent
    ? `${host} did not accept the client certificate from --cert (IDFLOW_CERT_FILE): check that a CA ` +
        `the server trusts signed it, that it is meant for client authentication and has not expired, ` +
        `and that --key is its key.`
    : `${host} requires a client certificate and none was sent: pass --cert FILE --key FILE (or set ` +
        `IDFLOW_CERT_FILE and IDFLOW_KEY_FILE) with a certificate a CA the server trusts signed.`;
}

/** The server refused the client's certificate, or its absence: by a TLS alert, or by closing after the handshake. */
function clientCertificateRefused(
  code: string,
  error: unknown,
  request: FailedRequest,
): 'alert' | 'closed' | undefined {
  const note = request.clientCertificate;
  if (
    code.startsWith('ERR_SSL_') &&
    CLIENT_CERTIFICATE_ALERTS.some((alert) => code.endsWith(`_ALERT_${alert}`))
  )
    return 'alert';
  if (note?.asked !== true) return undefined;
  if (code.endsWith('_ALERT_HANDSHAKE_FAILURE')) return 'alert';
  // TLS 1.3: the server judges the certificate after the handshake, then closes without answering.
  const https = request.url.startsWith('https:');
  if (https && CLOSED_BY_PEER.has(code) && (bytesRead(error) ?? 0) === 0) return 'closed';
  return undefined;
}

/** What to check after a TLS failure with `code`. */
function tlsHint(code: string, host: string): string {
  if (NOT_TLS.has(code))
    return 'The host does not answer in TLS: check the scheme (http or https) and the port of the URL.';
  if (UNTRUSTED.has(code))
    return (
      `The certificate ${host} presents is not signed by a CA this machine trusts (a private CA, or a ` +
      `proxy that inspects TLS): pass --ca FILE with that CA's PEM certificate, or set NODE_EXTRA_CA_CERTS=FILE.`
    );
  if (NOT_VALID_NOW.has(code))
    return `The certificate ${host} presents is expired or not yet valid: check the URL, and this machine's clock.`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return `The certificate ${host} presents is for another host name: check the URL and region.`;
  return 'Check the URL and region, or the certificate the host presents.';
}

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
  const refused = clientCertificateRefused(code, error, request);
  if (refused !== undefined) {
    const what =
      refused === 'alert'
        ? ` (${code}: ${tlsReason(error)})`
        : `: the server asked for a client certificate, then closed the connection without answering (${code})`;
    return new TransportError({
      ...base,
      code: 'TLS_FAILED',
      fault: 'unreachable',
      message:
        `TLS with ${host} failed for ${request.method} ${path}${what}. ` +
        clientCertificateHint(host, request.clientCertificate?.sent === true),
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
    return new TransportError({
      ...base,
      code: 'TLS_FAILED',
      // A host that does not speak TLS at all is a URL to fix (scheme or port): exit 2. A failed
      // handshake (trust, expiry, host name) is the tenant not reachable as configured: exit 3.
      fault: NOT_TLS.has(code) ? 'config' : 'unreachable',
      message:
        `TLS with ${host} failed for ${request.method} ${path} (${code}: ${tlsReason(error)}). ` +
        tlsHint(code, host),
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
