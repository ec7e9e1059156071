import type { RetryRecord } from './results.ts';

/** How the HTML report words a duration: `85 ms`, `1.46 s`, `2 min 05 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** `1 check`, `3 checks`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `429 after 1000 ms (Retry-After), then 503 after 262 ms (back-off)`, as the evidence words it. */
export function retriesText(retries: readonly RetryRecord[]): string {
  return retries
    .map((retry) => `${retry.outcome} after ${retry.waitedMs} ms (${retry.basis})`)
    .join(', then ');
}

/** `2026-11-26 01:59:59 UTC` from an ISO 8601 instant; anything else as it came. */
export function formatInstant(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
