import { isWellFormedId } from './id-format.ts';

/**
 * Whether `value` may stand for one path segment in a DELETE URL: only a well-formed id of the
 * tenant (the vendor's id format, see id-format.ts), so a value the tenant handed out can never
 * name another resource (`..`, `a/../b`, an encoded slash). Teardown refuses to send anything
 * else and names the raw value instead.
 */
export function isSafePathSegment(value: unknown): boolean {
  return isWellFormedId(value);
}
