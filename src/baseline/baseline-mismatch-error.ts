import { IdflowError, type Fault } from '../errors/idflow-error.ts';
import type { RecordedOutcome } from './known-deviation.ts';

/**
 * - `DEVIATION_CHANGED`: a check listed in the baseline failed, but not as recorded;
 * - `UNEXPECTED_PASS`: a check listed in the baseline passed.
 */
export type BaselineMismatchCode = 'DEVIATION_CHANGED' | 'UNEXPECTED_PASS';

/**
 * A listed check did not deviate as its baseline entry records: the tenant's behaviour changed,
 * so the run fails until the baseline is updated in the same change that accepts it.
 */
export class BaselineMismatchError extends IdflowError {
  declare readonly code: BaselineMismatchCode;
  readonly checkId: string;
  readonly file: string;
  readonly recorded: RecordedOutcome;
  /** This run's outcome; undefined for an unexpected pass. */
  readonly observed: RecordedOutcome | undefined;

  constructor(details: {
    code: BaselineMismatchCode;
    checkId: string;
    file: string;
    recorded: RecordedOutcome;
    observed?: RecordedOutcome;
    message: string;
    /** The new failure's fault; an unexpected pass is the tenant's behaviour changing (`api`). */
    fault?: Fault;
    cause?: unknown;
  }) {
    super(details.code, details.message, { fault: details.fault ?? 'api', cause: details.cause });
    this.checkId = details.checkId;
    this.file = details.file;
    this.recorded = details.recorded;
    this.observed = details.observed;
  }
}
