import { performance } from 'node:perf_hooks';
import { redact, redactValue } from '../redact/secrets.ts';
import { currentExchangeSink, type ExchangeSink } from './exchange-scope.ts';
import type { Exchange, Middleware } from './types.ts';

function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : error.name, message: redact(error.message) };
  }
  return { code: 'UNKNOWN', message: redact(String(error)) };
}

/**
 * Reports every exchange (and every failed request) to `onExchange` and to the sink of the work
 * that sent it (see exchange-scope.ts), as redacted copies: this is where redaction happens for
 * the HTTP layer, so call sites never redact. Copies nothing when nobody listens.
 */
export function recording(onExchange?: ExchangeSink): Middleware {
  return async (request, next) => {
    const sinks = [onExchange, currentExchangeSink()].filter((sink) => sink !== undefined);
    if (sinks.length === 0) return next(request);
    const started = performance.now();
    const startMs = performance.timeOrigin + started;
    const startedAt = new Date(startMs).toISOString();
    const report = (outcome: Pick<Exchange, 'response' | 'error'>) => {
      const exchange: Exchange = {
        request: redactValue(request),
        ...outcome,
        startedAt,
        startMs,
        durationMs: performance.now() - started,
      };
      for (const sink of sinks) sink(exchange);
    };
    try {
      const response = await next(request);
      report({ response: redactValue(response) });
      return response;
    } catch (error) {
      report({ error: describeError(error) });
      throw error;
    }
  };
}
