/**
 * The failure codes a check can end with: those of StepFailedError (a failed expectation) and of
 * TransportError (no response). A baseline entry records one of them.
 */
export const FAILURE_CODES = [
  'STATUS_MISMATCH',
  'CONTENT_TYPE_MISMATCH',
  'SCHEMA_MISMATCH',
  'CHECK_FAILED',
  'CONNECTION_FAILED',
  'TLS_FAILED',
  'TIMEOUT',
  'BODY_TOO_LARGE',
  'REQUEST_FAILED',
] as const;

export type FailureCode = (typeof FAILURE_CODES)[number];

/** How a check failed: its code and, optionally, the first failing check's name and given value. */
export interface RecordedOutcome {
  readonly code: string;
  /** The first failing check, as the failure message names it (`status`, `schema acme/user`, …). */
  readonly check?: string;
  /** That check's given value, exactly as the failure message prints it (`200`, `false`, …). */
  readonly given?: string;
}

/** One accepted deviation of a tenant from the vendor's docs. */
export interface KnownDeviation {
  /** A step id (`07b-read-user-mfa-enabled`) or probe id (`07-enable-user-mfa/unknown-user`). */
  readonly check: string;
  readonly outcome: RecordedOutcome & { readonly code: FailureCode };
  /** Why the team accepts it: a ticket, a vendor answer, a tenant setting. */
  readonly reason: string;
  /** Which tenant it was observed on; informational, never a filter. */
  readonly tenant?: string;
}

/** A target's baseline file as written on disk. */
export interface BaselineFile {
  readonly target: string;
  readonly deviations: readonly KnownDeviation[];
}

/** The baseline a run applies: its deviations and the file to name in messages. */
export interface ActiveBaseline {
  /** The file as a person should read it (`suites/acme/known-deviations.json`). */
  readonly file: string;
  readonly deviations: readonly KnownDeviation[];
}
