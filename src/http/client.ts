import { recording } from './recording.ts';
import { retry } from './retry.ts';
import { runDeadline } from './run-deadline.ts';
import { secretCapture, type SecretFields } from './secret-capture.ts';
import { ProxyRouter, proxySettingsFromEnvironment, type ProxySettings } from './proxy.ts';
import { timing } from './timing.ts';
import { compose } from './compose.ts';
import { createUndiciHandler } from './undici-handler.ts';
import { credentialConnector } from './cleartext-connector.ts';
import { ClientCertificateRequests } from './client-certificate-requests.ts';
import { tlsSettingsFromEnvironment, type TlsSettings } from './tls-settings.ts';
import type { RetryPolicy } from './backoff.ts';
import type { Exchange, HttpClient, Middleware } from './types.ts';
import type { RunDeadline } from '../process/run-deadline.ts';
import { undici } from './undici-parts.ts';

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  /**
   * Per-request timeout, ms: connecting, headers and body together, never restarted by a byte. Default 30000.
   */
  timeoutMs?: number;
  /** Largest response body read, in bytes; larger → TransportError `BODY_TOO_LARGE`. Default 5 MiB. */
  maxBodyBytes?: number;
  /**
   * Deadline of one send, retries and their waits included, ms; a request's own `deadlineMs`
   * wins. A step sends one request, so this is the per-step deadline. Default 60000.
   */
  deadlineMs?: number;
  /** Overrides of the retry policy; `{ maxAttempts: 1 }` turns retries off. */
  retry?: Partial<RetryPolicy>;
  /**
   * The whole-run deadline (`idflow run --deadline`): no retry waits past it, a request in flight
   * is aborted when it passes, and a send after it fails at once with `RUN_DEADLINE`. Requests
   * marked `teardown` are exempt. Default: none.
   */
  runDeadline?: RunDeadline | undefined;
  /**
   * User middleware, composed inside the built-in pieces of {@link BUILT_IN_ORDER} and outside
   * those of {@link INNER_BUILT_IN_ORDER}; the first is the outermost of them.
   */
  middleware?: readonly Middleware[];
  /**
   * `--allow-insecure-http`: plain http:// may go to hosts that are not loopback. Default false:
   * http:// connects only to loopback addresses, checked on the addresses dialled.
   */
  allowInsecureHttp?: boolean;
  /**
   * Proxies (`HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`, lower-case too, and `--proxy`); default: the
   * process environment's. https:// goes through a CONNECT tunnel, so only the proxy's host sees it.
   */
  proxy?: ProxySettings;
  /**
   * The TLS side of every connection, direct, tunnelled through a proxy or to the proxy itself:
   * extra CAs (`--ca`), a client certificate (`--cert`/`--key`), no verification (`--insecure`).
   * Default: the process environment's (`IDFLOW_CA_FILE`, … in src/process/run-variables.ts).
   */
  tls?: TlsSettings;
  /** The target's own secret fields, registered besides the defaults (see secret-capture.ts). */
  secretFields?: SecretFields;
  /** Receives a redacted copy of every exchange, including failed ones. Must not throw. */
  onExchange?: (exchange: Exchange) => void;
}

/** Default per-request timeout, ms. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default deadline of a send (the per-step deadline), ms. */
export const DEFAULT_DEADLINE_MS = 60_000;
/** Default response body limit: 5 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Names of the built-in pieces. */
export type BuiltInPiece = 'timing' | 'recording' | 'retry' | 'secret-capture' | 'run-deadline';

/**
 * The built-in pieces, outermost first; user middleware goes inside the last, then the network.
 * - `timing` sees everything, so `durationMs` includes retries and their waits;
 * - `recording` sits outside `retry`: one send is one recorded exchange, whose response lists
 *   its retries, and it copies after `secret-capture` has registered the secrets, so the copy is
 *   redactable;
 * - `retry` sits outside `secret-capture` (every attempt's secrets are registered) and outside
 *   user middleware: the token keeper replays at most once per attempt, only on a 401 that
 *   `retry` never repeats, and a refresh goes through the whole client with its own retries, so
 *   the two never multiply; each attempt passes the keeper again and so goes out with the
 *   run's current token even after a long Retry-After.
 */
export const BUILT_IN_ORDER: readonly BuiltInPiece[] = ['timing', 'recording', 'retry', 'secret-capture'];

/**
 * The built-in pieces inside user middleware, next to the network, outermost first.
 * - `run-deadline` checks every attempt `retry` makes and every token refresh the keeper sends,
 *   and is recorded like any failure; the copy of the request carrying its abort signal reaches
 *   only the network, so pieces keyed by the caller's request object (`retriesOf`, the token
 *   keeper's retry record) still see that object.
 */
export const INNER_BUILT_IN_ORDER: readonly BuiltInPiece[] = ['run-deadline'];

function builtInPiece(piece: BuiltInPiece, options: HttpClientOptions): Middleware | undefined {
  switch (piece) {
    case 'timing':
      return timing;
    case 'recording':
      // Always in place: a step's or probe's scope may listen (exchange-scope.ts) even when the client's
      // creator does not.
      return recording(options.onExchange);
    case 'retry':
      return retry({
        deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
        policy: options.retry,
        runDeadline: options.runDeadline,
      });
    case 'secret-capture':
      return secretCapture(options.secretFields);
    case 'run-deadline':
      return options.runDeadline === undefined ? undefined : runDeadline(options.runDeadline);
  }
}

function builtInPieces(order: readonly BuiltInPiece[], options: HttpClientOptions): Middleware[] {
  return order
    .map((piece) => builtInPiece(piece, options))
    .filter((piece): piece is Middleware => piece !== undefined);
}

/**
 * Builds the full middleware chain: built-in pieces in {@link BUILT_IN_ORDER}, user ones, then
 * those in {@link INNER_BUILT_IN_ORDER}.
 */
export function buildMiddleware(options: HttpClientOptions): Middleware[] {
  return [
    ...builtInPieces(BUILT_IN_ORDER, options),
    ...(options.middleware ?? []),
    ...builtInPieces(INNER_BUILT_IN_ORDER, options),
  ];
}

/** Creates an HTTP client: the pieces are composed once, here, around an undici terminal. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tls = options.tls ?? tlsSettingsFromEnvironment();
  const clientCertificateRequests = new ClientCertificateRequests();
  const connect = clientCertificateRequests.observe(
    credentialConnector({
      timeoutMs,
      allowInsecureHttp: options.allowInsecureHttp === true,
      tls: tls.origin,
    }),
  );
  const agent = new (undici().Agent)({ connect, keepAliveTimeout: 10_000 });
  const router = new ProxyRouter({
    settings: options.proxy ?? proxySettingsFromEnvironment(),
    direct: agent,
    allowInsecureHttp: options.allowInsecureHttp === true,
    tls,
    clientCertificateRequests,
  });
  const terminal = createUndiciHandler({
    dispatcherFor: (url) => router.dispatcherFor(url),
    timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    clientCertificate: (url) => ({
      asked: clientCertificateRequests.asked(url),
      sent: tls.clientCertificate,
    }),
  });
  const send = compose(buildMiddleware(options), terminal);
  return {
    send,
    close: () => router.close(),
  };
}
