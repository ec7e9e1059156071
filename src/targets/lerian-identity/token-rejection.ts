import type { HttpResponse } from '../../http/types.ts';

/** The codes Lerian answers for a token that is expired, invalid or malformed (Identity, Auth). */
export const LERIAN_INVALID_TOKEN_CODES: readonly string[] = ['IDE-0009', 'AUT-0007'];

/**
 * True when a Lerian service refused the bearer token itself: 401 with IDE-0009 or AUT-0007
 * ("The provided token is expired, invalid or malformed"). A missing token (IDE-0008) or any
 * other 401 is not something a new token of the run can fix.
 */
export function isLerianTokenRejection(response: HttpResponse): boolean {
  if (response.status !== 401) return false;
  const body = response.json;
  if (body === null || typeof body !== 'object') return false;
  const code = (body as { code?: unknown }).code;
  return typeof code === 'string' && LERIAN_INVALID_TOKEN_CODES.includes(code);
}
