/** What a management API URL addresses: the environment collection, one environment, or below one. */
export type EnvironmentTarget =
  | { readonly kind: 'collection' }
  | { readonly kind: 'environment'; readonly id: string }
  | { readonly kind: 'inside'; readonly id: string }
  | { readonly kind: 'other' };

const ENVIRONMENTS = /\/v1\/environments(?:\/([^/?#]+)(\/[^?#]*)?)?\/?(?:[?#].*)?$/;

/** Classifies a request URL of the PingOne management API by the environment it touches. */
export function environmentTarget(url: string): EnvironmentTarget {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return { kind: 'other' };
  }
  const match = ENVIRONMENTS.exec(path);
  if (!match) return { kind: 'other' };
  const [, id, rest] = match;
  if (id === undefined) return { kind: 'collection' };
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // A broken escape: kept as written, it is no well-formed id either.
  }
  return rest === undefined || rest === '/'
    ? { kind: 'environment', id: decoded }
    : { kind: 'inside', id: decoded };
}
