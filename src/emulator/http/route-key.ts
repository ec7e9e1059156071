/** A path segment that is an id: a UUID or a long run of hex/digits, never a fixed path word. */
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|\d+)$/i;

/**
 * The route a path belongs to, with id segments masked: `/v1/environments/{id}/users/{id}`.
 * Faults that misbehave "once per endpoint" key their memory on it.
 */
export function routeOf(path: string): string {
  return path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment))
    .join('/');
}
