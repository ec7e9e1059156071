import { performance } from 'node:perf_hooks';
import { redact, redactValue } from '../redact/secrets.ts';
import { currentExchangeSink, withExchangeSink, type ExchangeSink } from './exchange-scope.ts';
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
 *
 * An exchange starts when its request is sent: when middleware inside sends a recorded request of
 * its own first (the production guard's read before a DELETE, a token refresh), the exchange
 * starts once that one has ended, so a report's timings and order show the two one after another.
 */
export function recording(onExchange?: ExchangeSink): Middleware {
  return async (request, next) => {
    const outer = currentExchangeSink();
    const sinks = [onExchange, outer].filter((sink) => sink !== undefined);
    if (sinks.length === 0) return next(request);
    let started = performance.now();
    const report = (outcome: Pick<Exchange, 'response' | 'error'>) => {
      const startMs = performance.timeOrigin + started;
      const exchange: Exchange = {
        request: redactValue(request),
        ...outcome,
        startedAt: new Date(startMs).toISOString(),
        startMs,
        durationMs: performance.now() - started,
      };
      for (const sink of sinks) sink(exchange);
    };
    // Exchanges recorded while this one is on its way were sent before it (ahead of it in the chain).
    const inner: ExchangeSink = (exchange) => {
      started = Math.max(started, exchange.startMs + exchange.durationMs - performance.timeOrigin);
      outer?.(exchange);
    };
    try {
      const response = await withExchangeSink(inner, () => next(request));
      report({ response: redactValue(response) });
      return response;
    } catch (error) {
      report({ error: describeError(error) });
      throw error;
    }
  };
}
