import type { EmulatorLeftover } from '../emulator/http/leftover.ts';
import type { FailedTest } from './first-failure.ts';

/**
 * What one run says about one fault. `caught` and `survived` are the two good outcomes (a harmful
 * fault made the suite fail, a benign one left it green); `errored` is a run that neither passed
 * nor failed a check (exit 2, a crash, a timeout), which counts against whichever score applies.
 */
export type Verdict = 'caught' | 'missed' | 'survived' | 'broken' | 'errored';

/** How the suite ran against an emulator serving one fault (or none, for the control run). */
export interface RunObservation {
  /** Exit code of `idflow run`; `null` when it was killed. */
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly durationMs: number;
  /** The first failing check of the run, `step: check: expected …, given …`, when there was one. */
  readonly firstFailure?: string;
  /** Every failed step and probe with its message, in run order (for the catches a fault declares). */
  readonly failures?: readonly FailedTest[];
  /** The last lines of the run's stderr, for runs that ended without a report. */
  readonly stderrTail: string;
  /** What the run left in the emulator once it ended (resources named like a run's). */
  readonly leftovers?: readonly EmulatorLeftover[];
}

/** One line of the self-test: a fault, what it should do to the suite, and what it did. */
export interface FaultResult {
  readonly target: string;
  /** The fault's name; `undefined` for the control run against a correct emulator. */
  readonly fault: string | undefined;
  readonly description: string;
  readonly harmful: boolean;
  readonly verdict: Verdict;
  /** Why: the first failing check, or the reason a run errored. Empty when there is nothing to say. */
  readonly detail: string;
  readonly durationMs: number;
}
