/** A path segment that is an id rather than a name: a UUID, or a long token with digits in it. */
function isId(segment: string): boolean {
  return (
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ||
    (segment.length >= 16 && /\d/.test(segment) && /^[\w.~-]+$/.test(segment))
  );
}

/**
 * The path of `url` with every id segment replaced by `{id}`: `/v1/environments/{id}/users`.
 * Exchanges of the same endpoint share it from run to run, so their timings can be compared.
 */
export function pathTemplate(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return url;
  }
  return path
    .split('/')
    .map((segment) => (isId(decodeURIComponent(segment)) ? '{id}' : segment))
    .join('/');
}
