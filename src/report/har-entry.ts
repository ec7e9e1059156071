import { STATUS_CODES } from 'node:http';
import type { HarEntry, HarNameValue, HarRequest, HarResponse, HarTimings } from './har.ts';
import type { ExchangeRecord } from './results.ts';

/** What Chrome devtools writes for a body whose type the server did not say. */
const UNKNOWN_MIME_TYPE = 'x-unknown';

type Headers = Readonly<Record<string, string>>;

function nameValues(headers: Headers): HarNameValue[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function header(headers: Headers, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function request(exchange: ExchangeRecord): HarRequest {
  const { headers, body } = exchange.request;
  return {
    method: exchange.method,
    url: exchange.url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: nameValues(headers),
    queryString: [...new URL(exchange.url).searchParams].map(([name, value]) => ({ name, value })),
    ...(body === undefined
      ? {}
      : { postData: { mimeType: header(headers, 'content-type') ?? UNKNOWN_MIME_TYPE, text: body } }),
    headersSize: -1,
    bodySize: body === undefined ? 0 : exchange.requestBytes,
  };
}

function response(exchange: ExchangeRecord): HarResponse {
  const answer = exchange.response;
  const status = exchange.status ?? 0;
  const headers = answer?.headers ?? {};
  const location = status >= 300 && status < 400 ? header(headers, 'location') : undefined;
  return {
    status,
    statusText: STATUS_CODES[status] ?? '',
    httpVersion: exchange.status === undefined ? '' : 'HTTP/1.1',
    cookies: [],
    headers: nameValues(headers),
    content: {
      size: exchange.responseBytes,
      mimeType: header(headers, 'content-type') ?? UNKNOWN_MIME_TYPE,
      ...(answer?.body === undefined ? {} : { text: answer.body }),
      ...(answer?.truncated ? { comment: `text cut at the report's limit; size is the whole body` } : {}),
    },
    redirectURL: location ?? '',
    headersSize: -1,
    bodySize: answer ? exchange.responseBytes : -1,
    ...(exchange.error ? { _error: `${exchange.error.code}: ${exchange.error.message}` } : {}),
  };
}

/**
 * The exchange's duration split as far as the record tells: the client's waits between retries
 * (Retry-After, back-off) are `blocked`, the rest is `wait`; the sum is the exchange's duration.
 */
function timings(exchange: ExchangeRecord): HarTimings {
  const waited = exchange.retries.reduce((sum, retry) => sum + retry.waitedMs, 0);
  const blocked = exchange.retries.length > 0 ? Math.min(waited, exchange.durationMs) : -1;
  return {
    blocked,
    dns: -1,
    connect: -1,
    send: 0,
    wait: exchange.durationMs - Math.max(blocked, 0),
    receive: 0,
  };
}

/** One exchange as a HAR entry of the page `pageref`. */
export function harEntry(exchange: ExchangeRecord, pageref: string): HarEntry {
  return {
    pageref,
    startedDateTime: exchange.startedAt,
    time: exchange.durationMs,
    request: request(exchange),
    response: response(exchange),
    cache: {},
    timings: timings(exchange),
    _idflowCheck: exchange.check,
    ...(exchange.correlationId === undefined ? {} : { _correlationId: exchange.correlationId }),
    ...(exchange.retries.length === 0 ? {} : { _retries: exchange.retries }),
  };
}
