import type { Exchange } from '../http/types.ts';
import { pathTemplate } from './path-template.ts';
import type { ExchangeRecord } from './results.ts';

/** At most this much of a body is kept in a report (its size is kept whole). */
export const REPORT_BODY_LIMIT = 16 * 1024;

/** An exchange as a step's test records it, before the run numbers it. */
export type CapturedExchange = Omit<ExchangeRecord, 'index'>;

function cut(body: string | undefined): { body?: string; truncated?: boolean } {
  if (body === undefined || body === '') return {};
  return body.length > REPORT_BODY_LIMIT
    ? { body: body.slice(0, REPORT_BODY_LIMIT), truncated: true }
    : { body };
}

/**
 * The report's record of one (already redacted) exchange sent by check `check`: method, URL and
 * its path template, status or error, timing, sizes, Correlation-Id, retries, headers and bodies
 * cut at {@link REPORT_BODY_LIMIT}.
 */
export function captureExchange(exchange: Exchange, check: string): CapturedExchange {
  const { request, response, error } = exchange;
  const requestBody = cut(request.body);
  const responseBody = cut(response?.bodyText);
  const correlationId = response?.headers['correlation-id'];
  return {
    check,
    method: request.method,
    url: request.url,
    pathTemplate: pathTemplate(request.url),
    ...(response ? { status: response.status } : {}),
    ...(error ? { error } : {}),
    startedAt: exchange.startedAt,
    startMs: exchange.startMs,
    durationMs: exchange.durationMs,
    requestBytes: Buffer.byteLength(request.body ?? ''),
    responseBytes: Buffer.byteLength(response?.bodyText ?? ''),
    ...(correlationId ? { correlationId } : {}),
    retries: (response?.retries?.attempts ?? []).map((attempt) => ({ ...attempt })),
    request: {
      headers: { ...request.headers },
      ...(requestBody.body === undefined ? {} : { body: requestBody.body }),
    },
    ...(response ? { response: { headers: { ...response.headers }, ...responseBody } } : {}),
  };
}
