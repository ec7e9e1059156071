/** ISO-8601 UTC with milliseconds, the PingOne timestamp format. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString();
}

/** A timestamp strictly later than `previous`, so `updatedAt` visibly changes on every write. */
export function laterTimestamp(previous: string): string {
  const now = Date.now();
  const before = Date.parse(previous);
  return new Date(Number.isNaN(before) ? now : Math.max(now, before + 1)).toISOString();
}
