/** How often and how long the retry piece tries again. */
export interface RetryPolicy {
  /** Attempts in all, the first included; 1 disables retries. */
  readonly maxAttempts: number;
  /** Back-off before retry n is `baseDelayMs * 2^(n-1)`, capped at `maxDelayMs`, plus jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Up to this many ms are added at random to each back-off, so parallel clients spread out. */
  readonly jitterMs: number;
}

/**
 * Exponential back-off `base * 2^attempt + rand(0..100 ms)`, honouring Retry-After, as the
 * targets' vendors advise for 429 and 503 answers; five attempts keep a step well inside its
 * deadline.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  jitterMs: 100,
};

/**
 * The back-off before retry number `retry` (1 for the first retry): exponential, capped, plus
 * jitter in `[0, jitterMs)` drawn from `random` (a `Math.random`-like source in [0, 1)).
 */
export function backoffDelayMs(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential + random() * policy.jitterMs);
}

/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP-date (RFC 9110
 * §10.2.3), never negative; `undefined` when the header is missing or neither form.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only an HTTP-date, not any string Date.parse happens to accept (such as "5").
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
