/** Characters a path segment may hold as they are (RFC 3986 pchar, `%` for escapes). */
const SEGMENT_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%]*$/;
const ENCODED_SEPARATOR = /%(?:2f|5c)/i;

/** The path of a URL exactly as written (before any normalization), or undefined when it has no scheme. */
function rawPath(url: string): string | undefined {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\\]*/.exec(url);
  if (!scheme) return undefined;
  const rest = url.slice(scheme[0].length);
  const end = rest.search(/[?#]/);
  return end < 0 ? rest : rest.slice(0, end);
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * Why a URL's path is not one idflow would ever build, or undefined when it is fine: a dot
 * segment (`..`, `.`, also percent-encoded, which URL parsers resolve as traversal), an empty
 * segment (`//`), a backslash, an encoded slash, a character outside RFC 3986's path set, or a
 * broken percent escape. Read from the URL as written, since parsing would resolve the traversal.
 */
export function pathProblem(url: string): string | undefined {
  const path = rawPath(url);
  if (path === undefined) return 'it is not an absolute URL';
  if (path === '') return undefined;
  if (path.includes('\\')) return 'its path holds a backslash';
  const segments = path.split('/').slice(1);
  for (const segment of segments) {
    if (segment === '') return 'its path holds an empty segment (//)';
    if (!SEGMENT_CHARS.test(segment)) return 'its path holds a character that must be percent-encoded';
    const plain = decoded(segment);
    if (plain === undefined) return 'its path holds a broken percent escape';
    if (plain === '.' || plain === '..') return 'its path holds a dot segment (traversal)';
    if (ENCODED_SEPARATOR.test(segment)) return 'its path holds an encoded slash';
  }
  return undefined;
}
