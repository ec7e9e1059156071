/**
 * The form of every id a tenant hands out: a UUID, as every registered target's docs say (the
 * quotes are in each target's sources.ts, under "Ids"). Upper case is accepted too (docs
 * samples show upper-case UUIDs); what matters is that an id can never be more than one path
 * segment.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a well-formed id is, for messages: `a UUID`. */
export const ID_FORM = 'a UUID';

/** True for a value that is a well-formed id of the tenant (a UUID). */
export function isWellFormedId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A tenant-supplied value as a message may show it: quoted, control characters escaped, cut at 80. */
export function quoteUntrusted(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return JSON.stringify(shown);
}
