/**
 * Characters an id may hold to go into a URL path as one segment, unencoded and unambiguous:
 * RFC 3986 unreserved characters. Tenants' ids (UUIDs, hex, numbers) all fit.
 */
const SEGMENT = /^[A-Za-z0-9._~-]{1,200}$/;

/**
 * Whether `value` can stand for one path segment in a DELETE URL: a string or number made of
 * unreserved characters only, and not `.` or `..` (which a server or proxy resolves to another
 * resource). Teardown refuses to send anything else and names the raw value instead.
 */
export function isSafePathSegment(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0;
  return typeof value === 'string' && SEGMENT.test(value) && value !== '.' && value !== '..';
}
