import { GuardError } from './guard-error.ts';
import { pathProblem } from './path-problem.ts';
import { quoteUntrusted } from '../flow/step/id-format.ts';
import { displayUrl } from '../redact/display-url.ts';

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The absolute URL of a link a tenant gave (`_links.next`, `Location`), resolved against the
 * configured `base`, when it may be followed with the bearer token: same scheme, host and port
 * as `base`, and a well-formed path. Otherwise throws GuardError `FOREIGN_ORIGIN_REFUSED` naming
 * the link (`what`) and where it leads: a tenant's answer must never send the token elsewhere.
 */
export function followableLink(href: unknown, base: string, what: string): string {
  const allowed = originOf(base);
  let resolved: URL | undefined;
  try {
    resolved = typeof href === 'string' ? new URL(href, base) : undefined;
  } catch {
    resolved = undefined;
  }
  if (resolved === undefined || allowed === undefined) {
    throw new GuardError(
      'FOREIGN_ORIGIN_REFUSED',
      `${what} ${quoteUntrusted(href)} is not a URL: not followed.`,
    );
  }
  if (resolved.origin !== allowed) {
    throw new GuardError(
      'FOREIGN_ORIGIN_REFUSED',
      `${what} leads to ${displayUrl(resolved.origin)}, not to the configured ${displayUrl(allowed)}: ` +
        `not followed, so the bearer token goes nowhere else.`,
    );
  }
  const absolute =
    typeof href === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(href) ? href : resolved.href;
  const problem = pathProblem(absolute);
  if (problem !== undefined) {
    throw new GuardError(
      'FOREIGN_ORIGIN_REFUSED',
      `${what} ${quoteUntrusted(displayUrl(absolute))} is not followed: ${problem}.`,
    );
  }
  return absolute;
}
