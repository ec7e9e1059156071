import { displayUrl } from '../redact/display-url.ts';
import { redact, redactValue } from '../redact/secrets.ts';
import type { HttpRequest } from './types.ts';

/** Quotes a word for POSIX shells. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A copy-pasteable curl command for a request, every header included, with secrets redacted
 * (`Authorization: Bearer [REDACTED]`) and no `user:password@` in the URL. Parts are redacted before quoting,
 * so shell escaping cannot
 * split a secret, and the whole command once more after.
 */
export function toCurl(request: HttpRequest): string {
  const safe = redactValue(request);
  const parts = [`curl -X ${safe.method} ${shellQuote(displayUrl(safe.url))}`];
  for (const [name, value] of Object.entries(safe.headers)) {
    parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (safe.body !== undefined) parts.push(`--data-raw ${shellQuote(safe.body)}`);
  return redact(parts.join(' \\\n  '));
}
