import type { IncomingHttpHeaders } from 'node:http';

/** Lower-cases header names and joins repeated values with ", ". */
export function normalizeHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const normalized: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : value;
    normalized[key] = key in normalized ? `${normalized[key]}, ${text}` : text;
  }
  return normalized;
}
