import type { FaultResult } from './verdict.ts';

/** The self-test's two counts, plus the control runs that make them meaningful. */
export interface SelfTestScore {
  readonly caught: number;
  readonly harmful: number;
  readonly survived: number;
  readonly benign: number;
  /** Control runs (no fault) that passed, of all control runs. */
  readonly controlsPassed: number;
  readonly controls: number;
  /** Every result that lowers the score or invalidates it, in input order. */
  readonly shortfalls: readonly FaultResult[];
  /** 100 % caught, 100 % survived, every control run green, and at least one fault run. */
  readonly perfect: boolean;
}

/**
 * Scores results: caught / harmful and survived / benign. A control run that did not pass makes
 * the score not perfect, since against a broken suite "caught" means nothing.
 */
export function scoreOf(results: readonly FaultResult[]): SelfTestScore {
  const faults = results.filter((result) => result.fault !== undefined);
  const controls = results.filter((result) => result.fault === undefined);
  const harmful = faults.filter((result) => result.harmful);
  const benign = faults.filter((result) => !result.harmful);
  const caught = harmful.filter((result) => result.verdict === 'caught').length;
  const survived = benign.filter((result) => result.verdict === 'survived').length;
  const controlsPassed = controls.filter((result) => result.verdict === 'survived').length;
  const shortfalls = results.filter((result) => result.verdict !== (result.harmful ? 'caught' : 'survived'));
  return {
    caught,
    harmful: harmful.length,
    survived,
    benign: benign.length,
    controlsPassed,
    controls: controls.length,
    shortfalls,
    perfect: faults.length > 0 && shortfalls.length === 0,
  };
}

/** `n/m (p %)`, or `0/0 (n/a)` when there is nothing to count. */
export function ratio(part: number, whole: number): string {
  if (whole === 0) return '0/0 (n/a)';
  return `${part}/${whole} (${Math.floor((part / whole) * 1000) / 10} %)`;
}
