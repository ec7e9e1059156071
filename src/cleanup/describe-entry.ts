import type { LedgerEntry } from '../flow/ledger.ts';

/** Names the ledger's id-like values (`envID=…`); URLs and other context are left out. */
function ids(values: Readonly<Record<string, unknown>>): string {
  return Object.entries(values)
    .filter(([name, value]) => /ID$/.test(name) && (typeof value === 'string' || typeof value === 'number'))
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(', ');
}

/** One line for a ledger entry: what it is and its ids, never a secret (secrets are not frozen in entries). */
export function describeEntry(entry: LedgerEntry): string {
  const named = ids(entry.values);
  return named ? `${entry.cleanup.description} (${named})` : entry.cleanup.description;
}
