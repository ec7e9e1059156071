/** How long to keep asking, and how often. */
export interface PollOptions {
  readonly deadlineMs: number;
  readonly intervalMs: number;
}

export interface PollResult<T> {
  readonly value: T;
  readonly satisfied: boolean;
  readonly attempts: number;
  readonly elapsedMs: number;
}

/**
 * Asks until `done` holds or the deadline passes; used where a real tenant is eventually
 * consistent (a deleted environment answers 200 or 403 for a while before 404).
 */
export async function pollUntil<T>(attempt: () => Promise<T>, done: (value: T) => boolean, options: PollOptions): Promise<PollResult<T>> {
  const started = Date.now();
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const value = await attempt();
    const elapsedMs = Date.now() - started;
    if (done(value)) return { value, satisfied: true, attempts, elapsedMs };
    if (elapsedMs + options.intervalMs > options.deadlineMs) return { value, satisfied: false, attempts, elapsedMs };
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}
