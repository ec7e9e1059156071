import { performance } from 'node:perf_hooks';
import { redact, redactValue } from '../redact/secrets.ts';
import type { Exchange, Middleware } from './types.ts';

function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : error.name, message: redact(error.message) };
  }
  return { code: 'UNKNOWN', message: redact(String(error)) };
}

/**
 * Reports every exchange (and every failed request) to `onExchange`, as redacted copies: this is
 * where redaction happens for the HTTP layer, so call sites never redact.
 */
export function recording(onExchange: (exchange: Exchange) => void): Middleware {
  return async (request, next) => {
    const startedAt = new Date().toISOString();
    const started = performance.now();
    try {
      const response = await next(request);
      onExchange({
        request: redactValue(request),
        response: redactValue(response),
        startedAt,
        durationMs: performance.now() - started,
      });
      return response;
    } catch (error) {
      onExchange({
        request: redactValue(request),
        error: describeError(error),
        startedAt,
        durationMs: performance.now() - started,
      });
      throw error;
    }
  };
}
