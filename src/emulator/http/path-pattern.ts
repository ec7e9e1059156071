/** A compiled route pattern such as `/v1/environments/:envId/users/:userId`. */
export interface PathPattern {
  readonly source: string;
  readonly segments: readonly string[];
  /** Number of literal segments; more literal segments win when several patterns match. */
  readonly specificity: number;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** Compiles a pattern whose `:name` segments capture one path segment each. */
export function compilePattern(source: string): PathPattern {
  const segments = splitPath(source);
  return { source, segments, specificity: segments.filter((s) => !s.startsWith(':')).length };
}

/**
 * Matches `path` (percent-encoded, trailing slash ignored) against `pattern`; returns the decoded
 * parameters, or `undefined` when it does not match.
 */
export function matchPattern(
  pattern: PathPattern | string,
  path: string,
): Record<string, string> | undefined {
  const compiled = typeof pattern === 'string' ? compilePattern(pattern) : pattern;
  const parts = splitPath(path);
  if (parts.length !== compiled.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of compiled.segments.entries()) {
    const part = parts[index] ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (segment.startsWith(':')) params[segment.slice(1)] = decoded;
    else if (segment !== decoded) return undefined;
  }
  return params;
}
