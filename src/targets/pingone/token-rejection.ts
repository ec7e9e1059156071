import type { HttpResponse } from '../../http/types.ts';

/** The detail code PingOne puts on a 401 for a missing, malformed, tampered or expired token. */
export const INVALID_TOKEN = 'INVALID_TOKEN';

/**
 * True when the server rejected the bearer token itself: 401 with a detail whose `code` is
 * INVALID_TOKEN (pingone-api §3.5). Any other 401 is not something a new token can fix.
 */
export function isPingOneTokenRejection(response: HttpResponse): boolean {
  if (response.status !== 401) return false;
  const body = response.json;
  if (body === null || typeof body !== 'object') return false;
  const details = (body as { details?: unknown }).details;
  return (
    Array.isArray(details) &&
    details.some(
      (detail: unknown) =>
        detail !== null &&
        typeof detail === 'object' &&
        (detail as { code?: unknown }).code === INVALID_TOKEN,
    )
  );
}
