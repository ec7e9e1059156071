import type { PlannedCheck } from './plan-checks.ts';

/** The longest chain of checks that must run one after the other, and its round trips. */
export interface CriticalPath {
  readonly roundTrips: number;
  /** The chain's check ids, first to last. */
  readonly chain: readonly string[];
}

/**
 * The critical path of a plan: the chain of checks, each waiting for the one before it, whose
 * round trips add up to the most, given how many sequential round trips each check made
 * (`roundTrips`; a check's own requests go one after another). With a latency L per round trip,
 * no schedule of these checks can take less than `roundTrips × L`.
 */
export function criticalPath(
  checks: readonly PlannedCheck[],
  roundTrips: (planned: PlannedCheck) => number,
): CriticalPath {
  const longest = new Map<PlannedCheck, { readonly total: number; readonly via?: PlannedCheck }>();
  let end: PlannedCheck | undefined;
  for (const planned of checks) {
    // Plans list each check after everything it waits for.
    let via: PlannedCheck | undefined;
    for (const before of planned.after)
      if (via === undefined || (longest.get(before)?.total ?? 0) > (longest.get(via)?.total ?? 0))
        via = before;
    const total = roundTrips(planned) + (via ? (longest.get(via)?.total ?? 0) : 0);
    longest.set(planned, via ? { total, via } : { total });
    if (end === undefined || total > (longest.get(end)?.total ?? 0)) end = planned;
  }
  const chain: string[] = [];
  for (let at = end; at !== undefined; at = longest.get(at)?.via) chain.unshift(checkId(at));
  return { roundTrips: end ? (longest.get(end)?.total ?? 0) : 0, chain };
}

/** A planned check's id: its name up to the first colon. */
export function checkId(planned: PlannedCheck): string {
  return planned.check.name.split(':', 1)[0] ?? planned.check.name;
}
