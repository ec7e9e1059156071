import { formatAge } from '../../process/duration.ts';
import { StepFailedError } from '../step/step-failed-error.ts';
import type { RunDeadline } from '../../process/run-deadline.ts';
import type { StepDefinition } from '../step/step.ts';

/** What a step about to start may do: go, fail (the first after the deadline), or skip. */
export type DeadlineVerdict =
  | { readonly kind: 'go' }
  | { readonly kind: 'fail'; readonly error: StepFailedError }
  | { readonly kind: 'skip'; readonly reason: string };

const GO: DeadlineVerdict = { kind: 'go' };

/** True for an error the whole-run deadline caused (a request stopped in flight, or a step not run). */
export function isDeadlineError(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'RUN_DEADLINE';
}

/**
 * Holds steps back once the whole-run deadline has passed. The first step that would start after
 * it fails with `RUN_DEADLINE`, so a run cut short can never end green; every later one is
 * skipped with the reason. A step the deadline stopped in flight already is that failure.
 */
export class DeadlineGate {
  readonly #deadline: RunDeadline | undefined;
  #reported = false;

  constructor(deadline: RunDeadline | undefined) {
    this.#deadline = deadline;
  }

  /** Whether `step` may start now. */
  admit(step: StepDefinition): DeadlineVerdict {
    const deadline = this.#deadline;
    if (deadline === undefined || !deadline.passed()) return GO;
    const reason = `not run: the whole-run deadline of ${deadline.label} passed (--deadline)`;
    if (this.#reported) return { kind: 'skip', reason };
    this.#reported = true;
    const late = formatAge(-deadline.remainingMs());
    const message = [
      `${step.id} (${step.title}) ${reason} ${late} before this step could start.`,
      'Later steps are skipped; teardown still runs. If the tenant is known to be this slow, raise ' +
        '--deadline.',
    ].join('\n');
    return {
      kind: 'fail',
      error: new StepFailedError({
        code: 'RUN_DEADLINE',
        stepId: step.id,
        message,
        results: [
          {
            name: 'run deadline',
            passed: false,
            expected: `started within ${deadline.label}`,
            given: `${late} too late`,
          },
        ],
        evidence: { request: `${step.request.method} ${step.request.url}`, curl: '(not sent)' },
        // The tenant was too slow for the time the run was given; not a setting to fix (exit 1).
        fault: 'api',
      }),
    };
  }

  /** Notes a step's failure; one the deadline caused means later steps are skipped. */
  noteFailure(error: unknown): void {
    if (isDeadlineError(error)) this.#reported = true;
  }
}
