/** How long to keep asking, and how often. */
export interface PollOptions {
  readonly deadlineMs: number;
  /** Wait before the second ask. */
  readonly intervalMs: number;
  /** Each later wait is the previous one times this factor (default 1: a fixed interval). */
  readonly growth?: number;
  /** The longest wait once `growth` has stretched it; default unbounded (the deadline still holds). */
  readonly maxIntervalMs?: number;
}

export interface PollResult<T> {
  readonly value: T;
  readonly satisfied: boolean;
  readonly attempts: number;
  readonly elapsedMs: number;
}

/**
 * Asks until `done` holds or the deadline passes; used where a real tenant is eventually
 * consistent (a deleted environment answers 200 or 403 for a while before 404). The last answer
 * is returned either way; no wait is started that would end past the deadline.
 */
export async function pollUntil<T>(
  attempt: () => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions,
): Promise<PollResult<T>> {
  const started = Date.now();
  let attempts = 0;
  let interval = options.intervalMs;
  for (;;) {
    attempts += 1;
    const value = await attempt();
    const elapsedMs = Date.now() - started;
    if (done(value)) return { value, satisfied: true, attempts, elapsedMs };
    if (elapsedMs + interval > options.deadlineMs) return { value, satisfied: false, attempts, elapsedMs };
    await new Promise((resolve) => setTimeout(resolve, interval));
    interval = Math.min(interval * (options.growth ?? 1), options.maxIntervalMs ?? Number.POSITIVE_INFINITY);
  }
}
