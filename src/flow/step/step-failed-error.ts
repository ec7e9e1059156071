import { IdflowError, type Fault } from '../../errors/idflow-error.ts';
import { redactValue } from '../../redact/secrets.ts';
import type { CheckResult } from './checks.ts';
import type { Evidence } from './evidence.ts';

/**
 * A step's response broke a documented expectation. `code` names the first kind of check that
 * failed, so a reporter can group failures without parsing the message.
 */
export class StepFailedError extends IdflowError {
  readonly stepId: string;
  readonly results: readonly CheckResult[];
  readonly evidence: Evidence;
  /** What the failure most likely means and what to check (also in the message). */
  readonly hint?: string;

  constructor(options: {
    code: string;
    stepId: string;
    message: string;
    results: readonly CheckResult[];
    evidence: Evidence;
    hint?: string | undefined;
    /** Defaults to the API under test; a transport failure keeps the fault it was given. */
    fault?: Fault;
    cause?: unknown;
  }) {
    super(options.code, options.message, { fault: options.fault ?? 'api', cause: options.cause });
    this.stepId = options.stepId;
    // Serialized with the error into every report: redacted like the message, whatever built them.
    this.results = redactValue(options.results);
    this.evidence = redactValue(options.evidence);
    if (options.hint !== undefined) this.hint = redactValue(options.hint);
  }
}
