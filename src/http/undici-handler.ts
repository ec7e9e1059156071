import { performance } from 'node:perf_hooks';
import { undici } from './undici-parts.ts';
import type { Dispatcher } from 'undici';
import { TransportError } from './transport-error.ts';
import { parseJsonBody } from './parse-json.ts';
import { RequestTimeout } from './request-timeout.ts';
import { readBodyWithin } from './read-body.ts';
import { normalizeHeaders } from './response-headers.ts';
import { toTransportError, type ClientCertificateNote } from './transport-failure.ts';
import type { Handler, HttpRequest, HttpResponse } from './types.ts';

/** How the terminal handler talks to the network. */
export interface UndiciHandlerOptions {
  /** The dispatcher of one request (direct, or through a proxy); may throw to refuse it. */
  dispatcherFor: (url: string) => Dispatcher;
  /** Total time for one request, headers and body; used when a request has no `timeoutMs` of its own. */
  timeoutMs: number;
  maxBodyBytes: number;
  /** Whether the server of a URL asked for a client certificate, and whether one is configured. */
  clientCertificate?: (url: string) => ClientCertificateNote;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * The terminal handler: sends one request with undici and reads the whole body under a limit,
 * all within the request's timeout (TransportError `TIMEOUT` when it passes).
 */
export function createUndiciHandler(options: UndiciHandlerOptions): Handler {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const failed = { method: request.method, url: request.url, timeoutMs };
    const started = performance.now();
    const total = new RequestTimeout(timeoutMs);
    let awaited: 'headers' | 'body' = 'headers';
    try {
      const url = new URL(request.url);
      const response = await undici().request(options.dispatcherFor(request.url), {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.headers,
        body: request.body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: total.signal(request.signal),
      });
      awaited = 'body';
      const read = await readBodyWithin(response.body, options.maxBodyBytes);
      if (!read.ok) {
        throw new TransportError({
          code: 'BODY_TOO_LARGE',
          // Far more than any documented answer: almost always a URL that names something else.
          fault: 'config',
          method: request.method,
          url: request.url,
          message:
            `${request.method} ${pathOf(request.url)} returned a body larger than the limit of ` +
            `${options.maxBodyBytes} bytes (maxBodyBytes); reading stopped after ` +
            `${read.receivedBytes} bytes.`,
        });
      }
      return {
        status: response.statusCode,
        headers: normalizeHeaders(response.headers),
        bodyText: read.text,
        json: parseJsonBody(read.text),
        durationMs: performance.now() - started,
      };
    } catch (error) {
      if (total.expired && !(error instanceof TransportError)) throw total.error(request, awaited);
      throw toTransportError(error, {
        ...failed,
        clientCertificate: options.clientCertificate?.(request.url),
      });
    } finally {
      total.clear();
    }
  };
}
