import type { ExchangeRecord, RunResults } from './results.ts';

/** How much slower counts as slower, both at once: a relative and an absolute margin. */
export interface NoiseThreshold {
  /** NEW must exceed OLD by more than this percentage of OLD (default 20). */
  readonly percent: number;
  /** …and by more than this many milliseconds (default 25). */
  readonly ms: number;
}

export const DEFAULT_NOISE_THRESHOLD: NoiseThreshold = { percent: 20, ms: 25 };

/** The request times of one endpoint in one results file. */
export interface TimingStats {
  /** How many exchanges were timed. */
  readonly count: number;
  readonly medianMs: number;
  /** Nearest-rank 95th percentile: with fewer than 20 exchanges, the slowest one. */
  readonly p95Ms: number;
}

/** One endpoint (target, method, path template) timed in both files. */
export interface EndpointTiming {
  readonly target: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly old: TimingStats;
  readonly new: TimingStats;
  /** NEW's median exceeds OLD's by more than the threshold. */
  readonly medianSlower: boolean;
  /** NEW's p95 exceeds OLD's by more than the threshold. */
  readonly p95Slower: boolean;
}

/** The middle value of sorted numbers (the mean of the two middle ones for an even count). */
export function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The nearest-rank percentile `p` (0–100] of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** Whether `now` exceeds `before` by more than both margins of `threshold`. */
export function isSlower(before: number, now: number, threshold: NoiseThreshold): boolean {
  return now - before > threshold.ms && now > before * (1 + threshold.percent / 100);
}

/**
 * Only an answered exchange that was sent once times its endpoint: a retry's wait (a 429's
 * Retry-After) or a request that got no answer (a timeout) says nothing about how fast it serves.
 */
function timed(exchange: ExchangeRecord): boolean {
  return exchange.status !== undefined && exchange.retries.length === 0;
}

const SEPARATOR = '\u0000';

function endpointKey(target: string, exchange: ExchangeRecord): string {
  return [target, exchange.method.toUpperCase(), exchange.pathTemplate].join(SEPARATOR);
}

/** Every endpoint's request times in one results file, keyed by target, method and path template. */
export function timingsOf(results: RunResults): Map<string, TimingStats> {
  const durations = new Map<string, number[]>();
  for (const target of results.targets) {
    for (const exchange of target.exchanges.filter(timed)) {
      const key = endpointKey(target.name, exchange);
      const list = durations.get(key);
      if (list) list.push(exchange.durationMs);
      else durations.set(key, [exchange.durationMs]);
    }
  }
  return new Map(
    [...durations].map(([key, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return [key, { count: sorted.length, medianMs: median(sorted), p95Ms: percentile(sorted, 95) }];
    }),
  );
}

/** The endpoints timed in both files, in NEW's order, each judged against the threshold. */
export function compareTimings(
  before: RunResults,
  after: RunResults,
  threshold: NoiseThreshold,
): EndpointTiming[] {
  const old = timingsOf(before);
  return [...timingsOf(after)].flatMap(([key, now]) => {
    const then = old.get(key);
    if (then === undefined) return [];
    const [target, method, pathTemplate] = key.split(SEPARATOR) as [string, string, string];
    return [
      {
        target,
        method,
        pathTemplate,
        old: then,
        new: now,
        medianSlower: isSlower(then.medianMs, now.medianMs, threshold),
        p95Slower: isSlower(then.p95Ms, now.p95Ms, threshold),
      },
    ];
  });
}
