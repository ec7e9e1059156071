/**
 * Where a target's suites must catch one of its emulator's harmful faults: the step or probe that
 * fails, and a piece of the failed check's text (`status: expected 201, given 200`, `schema
 * acme/device`). The self-test counts a fault as caught only when every declared catch is
 * made, so a defect that happens to break some other step does not pass for a caught one.
 */
export interface FaultCatch {
  readonly step: string;
  readonly check: string;
}

/** A target's declared catches, by fault name. */
export type FaultCatches = Readonly<Record<string, readonly FaultCatch[]>>;
