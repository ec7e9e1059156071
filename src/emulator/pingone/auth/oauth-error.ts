import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from '../../http/index.ts';
import { JSON_UTF8 } from '../wire/media-types.ts';

/** Headers every auth-server JSON response carries (RFC 6749 §5.1). */
export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

/**
 * An RFC 6749 §5.2 error as PingOne words it: `error_description` ends with
 * ` (Correlation ID: <id>)`, the same id as the `Correlation-Id` header.
 */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): EmulatorResponse {
  const id = randomUUID();
  return {
    status,
    headers: { 'content-type': JSON_UTF8, ...NO_STORE, 'correlation-id': id, ...headers },
    body: { error, error_description: `${description} (Correlation ID: ${id})` },
  };
}
