import { redact } from '../redact/secrets.ts';

/** Longest `given` text a schema problem carries. */
export const GIVEN_MAX_LENGTH = 80;

function toJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Short JSON of a value found in a response, for a schema problem: `missing` when absent,
 * otherwise JSON redacted *before* truncation (so a cut can never leave a recognisable part of a
 * registered secret) and cut to `maxLength` characters with a trailing ellipsis.
 */
export function describeGiven(value: unknown, maxLength: number = GIVEN_MAX_LENGTH): string {
  if (value === undefined) return 'missing';
  const text = redact(toJson(value));
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}
