import type { CheckContext } from '../flow/run/check-context.ts';
import type { CheckView } from '../flow/run/check-view.ts';
import type { FailureCode, RecordedOutcome } from './known-deviation.ts';

/** What a check did that the docs do not allow, as `--write-baseline` records it. */
export interface ObservedDeviation {
  readonly check: string;
  readonly outcome: RecordedOutcome;
  /** Set when the active baseline accepted it: its reason and tenant carry over. */
  readonly reason?: string;
  readonly tenant?: string;
}

declare module '@vitest/runner' {
  interface TaskMeta {
    /** Set by the baseline hook on a check that failed, or failed as a listed deviation. */
    idflowObserved?: ObservedDeviation;
  }
}

/**
 * Notes on the test what the check observed. Test metadata, not an annotation: it reaches the
 * process that runs vitest (through the worker's redaction gate) without showing in any report.
 */
export function noteObserved(context: CheckContext, observed: ObservedDeviation): void {
  context.task.meta.idflowObserved = observed;
}

/** What the baseline hook noted on a finished test, if anything. */
export function observedOn(test: CheckView): ObservedDeviation | undefined {
  return test.meta().idflowObserved;
}

/** Narrows a recorded code to a baseline's failure codes. */
export function isFailureCode(code: string, codes: readonly string[]): code is FailureCode {
  return codes.includes(code);
}
