import {
  compareTimings,
  DEFAULT_NOISE_THRESHOLD,
  type EndpointTiming,
  type NoiseThreshold,
} from './endpoint-timings.ts';
import type { CheckRun, CheckStatus, RunResults } from './results.ts';

/** Which run a results file holds, for the comparison's title. */
export interface RunLabel {
  readonly id: string;
  readonly startedAt: string;
  readonly toolVersion: string;
  /** Each target it ran, with the tenant it ran against. */
  readonly targets: readonly { readonly name: string; readonly tenant: string }[];
}

/** A check whose outcome differs between the two files. */
export interface CheckChange {
  readonly target: string;
  readonly id: string;
  /** Its status in OLD; undefined when OLD has no such check. */
  readonly before: CheckStatus | undefined;
  /** Its status in NEW; undefined when NEW has no such check. */
  readonly after: CheckStatus | undefined;
  /** What the file that has it last says: the failure's summary, or the reason it was skipped. */
  readonly detail: string | undefined;
}

/** A check with inferred expectations unconfirmed in NEW that OLD did not report. */
export interface UnconfirmedChange {
  readonly target: string;
  readonly id: string;
  readonly unconfirmed: readonly string[];
}

/** What changed from OLD to NEW; each list in NEW's order (`disappeared` in OLD's). */
export interface Comparison {
  readonly old: RunLabel;
  readonly new: RunLabel;
  readonly threshold: NoiseThreshold;
  /** Failed in NEW, and passed, was skipped or did not exist in OLD. */
  readonly newlyFailed: readonly CheckChange[];
  /** Failed in OLD, passed in NEW. */
  readonly fixed: readonly CheckChange[];
  /** Failed in both. */
  readonly stillFailing: readonly CheckChange[];
  readonly newlyUnconfirmed: readonly UnconfirmedChange[];
  /** Skipped in NEW, passed or failed in OLD. */
  readonly newlySkipped: readonly CheckChange[];
  /** In OLD, not in NEW. */
  readonly disappeared: readonly CheckChange[];
  /** In NEW, not in OLD. */
  readonly appeared: readonly CheckChange[];
  /** Every endpoint timed in both files. */
  readonly timings: readonly EndpointTiming[];
  /** The endpoints whose median or p95 is slower beyond the threshold. */
  readonly slower: readonly EndpointTiming[];
}

function label(results: RunResults): RunLabel {
  return {
    id: results.run.id,
    startedAt: results.run.startedAt,
    toolVersion: results.tool.version,
    targets: results.targets.map((target) => ({ name: target.name, tenant: target.tenant })),
  };
}

interface Located {
  readonly target: string;
  readonly check: CheckRun;
}

/** Every check of a file, keyed by target and id (the first, should an id repeat). */
function checksOf(results: RunResults): Map<string, Located> {
  const checks = new Map<string, Located>();
  for (const target of results.targets) {
    for (const check of target.checks) {
      const key = `${target.name}\u0000${check.id}`;
      if (!checks.has(key)) checks.set(key, { target: target.name, check });
    }
  }
  return checks;
}

function detailOf(check: CheckRun): string | undefined {
  if (check.status === 'failed') return check.failure?.summary;
  if (check.status === 'skipped') return check.skipReason;
  return undefined;
}

/** A check NEW has, with its status in OLD (undefined when OLD has no such check). */
function change(target: string, before: CheckRun | undefined, after: CheckRun): CheckChange {
  return { target, id: after.id, before: before?.status, after: after.status, detail: detailOf(after) };
}

/** A check OLD has and NEW does not. */
function gone(target: string, before: CheckRun): CheckChange {
  return { target, id: before.id, before: before.status, after: undefined, detail: detailOf(before) };
}

/**
 * Compares two results files check by check (per target and check id) and endpoint by endpoint
 * (per target, method and path template: the median and p95 request time, slower only beyond both
 * margins of `threshold`). Unconfirmed expectations are compared by their text.
 */
export function compareResults(
  before: RunResults,
  after: RunResults,
  threshold: NoiseThreshold = DEFAULT_NOISE_THRESHOLD,
): Comparison {
  const old = checksOf(before);
  const now = checksOf(after);
  const newlyFailed: CheckChange[] = [];
  const fixed: CheckChange[] = [];
  const stillFailing: CheckChange[] = [];
  const newlyUnconfirmed: UnconfirmedChange[] = [];
  const newlySkipped: CheckChange[] = [];
  const appeared: CheckChange[] = [];
  for (const [key, { target, check }] of now) {
    const then = old.get(key)?.check;
    const entry = change(target, then, check);
    if (then === undefined) appeared.push(entry);
    if (check.status === 'failed') (then?.status === 'failed' ? stillFailing : newlyFailed).push(entry);
    else if (check.status === 'passed' && then?.status === 'failed') fixed.push(entry);
    else if (check.status === 'skipped' && then !== undefined && then.status !== 'skipped')
      newlySkipped.push(entry);
    const known = new Set(then?.unconfirmed ?? []);
    const unconfirmed = check.unconfirmed.filter((text) => !known.has(text));
    if (unconfirmed.length) newlyUnconfirmed.push({ target, id: check.id, unconfirmed });
  }
  const disappeared = [...old]
    .filter(([key]) => !now.has(key))
    .map(([, { target, check }]) => gone(target, check));
  const timings = compareTimings(before, after, threshold);
  return {
    old: label(before),
    new: label(after),
    threshold,
    newlyFailed,
    fixed,
    stillFailing,
    newlyUnconfirmed,
    newlySkipped,
    disappeared,
    appeared,
    timings,
    slower: timings.filter((timing) => timing.medianSlower || timing.p95Slower),
  };
}
