import { randomUUID } from 'node:crypto';
import type { EmulatorMiddleware } from '../../http/index.ts';

const EXTERNAL_HEADERS = ['x-ping-external-transaction-id', 'x-ping-external-session-id'] as const;
const MAX_EXTERNAL_ID_LENGTH = 100;

/** PingOne replaces characters outside its allowed set with `_` and caps the length. */
function sanitizeExternalId(value: string): string {
  return value.slice(0, MAX_EXTERNAL_ID_LENGTH).replace(/[^A-Za-z0-9._:-]/g, '_');
}

/**
 * Outermost PingOne middleware: every response, including fault answers, carries a
 * `Correlation-Id` (kept if an inner layer already chose it, as P1Errors do) and the external
 * transaction/session ids, echoed from the request or generated.
 */
export const correlationHeaders: EmulatorMiddleware = async (req, next) => {
  const response = await next();
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  headers['correlation-id'] ??= randomUUID();
  for (const name of EXTERNAL_HEADERS) {
    const sent = req.headers[name];
    headers[name] = sent === undefined || sent === '' ? randomUUID() : sanitizeExternalId(sent);
  }
  return { ...response, headers };
};
