import { isSafePathSegment } from '../flow/step/path-segment.ts';
import { renderString, variablesIn } from '../flow/step/template.ts';
import type { LedgerEntry } from '../flow/run/ledger.ts';

/** Names the ledger's id-like values (`envID=…`); URLs and other context are left out. */
function ids(values: Readonly<Record<string, unknown>>): string {
  return Object.entries(values)
    .filter(([name, value]) => /ID$/.test(name) && (typeof value === 'string' || typeof value === 'number'))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(', ');
}

/**
 * One line for a ledger entry: what it is and its ids, never a secret (secrets are not frozen in entries).
 */
export function describeEntry(entry: LedgerEntry): string {
  if (entry.inFlight && entry.unidentified !== undefined)
    return (
      `${entry.cleanup.description} (named ${entry.unidentified}; the run stopped before the answer ` +
      `came, so the tenant may hold it)`
    );
  if (entry.unidentified !== undefined)
    return `${entry.cleanup.description} (named ${entry.unidentified}; its id was not in the answer)`;
  const named = ids(entry.values);
  return named ? `${entry.cleanup.description} (${named})` : entry.cleanup.description;
}

/**
 * How a user removes an entry idflow could not delete: the DELETE request (method and URL, ids
 * filled in; it needs the same admin credentials as the run, which are never printed), or, when
 * idflow will not send one (no id, or an id unsafe in a URL), where to look instead.
 */
export function removalHint(entry: LedgerEntry): string {
  if (entry.unidentified !== undefined) {
    return (
      `find "${entry.unidentified}" in the tenant and delete it ('idflow sweep' removes idflow- ` +
      `leftovers older than its threshold)`
    );
  }
  const { request } = entry.cleanup;
  const unsafe = variablesIn(request.url).some(
    (name) => /ID$/.test(name) && !isSafePathSegment(entry.values[name]),
  );
  if (unsafe)
    return (
      'delete it by hand in the tenant (its id is not a well-formed id, so idflow sends no request ' +
      'with it)'
    );
  try {
    const url = renderString(request.url, (name) => entry.values[name]);
    return (
      `send ${request.method} ${url} with the run's admin credentials (a bearer token of the ` +
      `configured app)`
    );
  } catch {
    return 'delete it by hand in the tenant';
  }
}
