/**
 * The results of one `idflow run`, as `results.json` holds them (JSON Schema:
 * schemas/idflow/results.schema.json). Every other report (JUnit, GitHub annotations, HTML,
 * HAR, `idflow compare`) is drawn from this one value, so they cannot disagree. Everything in it
 * passed the redaction gate: bodies, headers, messages and evidence hold no secret.
 */

/** Bumped when a field changes meaning or goes away; new optional fields keep the version. */
export const RESULTS_VERSION = 1;

/** The type of a note saying an inferred expectation did not hold (listed again under `unconfirmed`). */
export const UNCONFIRMED_NOTE = 'inferred-unconfirmed';

/** How a check (a step, a probe, the teardown) ended. */
export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** The whole run. */
export interface RunResults {
  readonly version: typeof RESULTS_VERSION;
  readonly tool: { readonly name: 'idflow'; readonly version: string };
  readonly run: RunInfo;
  readonly targets: readonly TargetResults[];
}

export interface RunInfo {
  /** The run id every resource the run created is tagged with (`idflow-<run id>`). */
  readonly id: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** `failed` when any check failed; `interrupted` when the run did not finish (signal, --bail, deadline). */
  readonly outcome: 'passed' | 'failed' | 'interrupted';
  /** `--strict`, `--smoke`, and the ids `--step`/`--grep` chose (absent: everything). */
  readonly strict: boolean;
  readonly smoke: boolean;
  readonly selection?: readonly string[];
}

/** Counts over a target's checks; `unconfirmed` counts checks that passed with an inferred miss. */
export interface Counts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly unconfirmed: number;
}

export interface TargetResults {
  /** The target's name (`acme`). */
  readonly name: string;
  /** The tenant's host, or `embedded emulator`. */
  readonly tenant: string;
  readonly emulated: boolean;
  readonly counts: Counts;
  /** Steps and probes in the order they ran (suite file order, then declaration order). */
  readonly checks: readonly CheckRun[];
  /** Every HTTP exchange of the target, in the order they were sent. */
  readonly exchanges: readonly ExchangeRecord[];
}

/** A place in the project's source: a path relative to the package root, 1-based line. */
export interface SourceSite {
  readonly file: string;
  readonly line: number;
}

/** One step, probe or teardown of a target's run. */
export interface CheckRun {
  /** The step or probe id (`07-enable-user-mfa`, `07-enable-user-mfa/expired-token`). */
  readonly id: string;
  readonly kind: 'step' | 'probe' | 'teardown';
  /** What the test is called in the suite (`07-enable-user-mfa: Enable user MFA`). */
  readonly title: string;
  /** The suite file, relative to the package root (`suites/acme/07-enable-user-mfa.test.ts`). */
  readonly suite: string;
  /** Where the step or probe is defined, when found. */
  readonly definition?: SourceSite;
  readonly status: CheckStatus;
  /** Why it was skipped, as the run said it. */
  readonly skipReason?: string;
  /** ISO 8601, when it ran. */
  readonly startedAt?: string;
  readonly durationMs: number;
  /** The HTTP status of its final answer, when it got one. */
  readonly httpStatus?: number;
  /** Every expectation judged, held or not (a failed check lists what it could judge). */
  readonly expectations: readonly Expectation[];
  /** Inferred expectations that did not hold, in words: reported, not failed (unless --strict). */
  readonly unconfirmed: readonly string[];
  /** Other notes the run made on it (settling, drift, a known deviation, a documented alternative). */
  readonly notes: readonly Note[];
  /** Requests the client repeated (429, 503, a reset connection), summed over its exchanges. */
  readonly retries: number;
  /** Time spent waiting for a new resource to settle (asking again until it answered), ms. */
  readonly settleMs?: number;
  /** Present when it failed. */
  readonly failure?: Failure;
  /** Indexes into the target's `exchanges`, in the order sent. */
  readonly exchanges: readonly number[];
}

export interface Expectation {
  readonly name: string;
  readonly passed: boolean;
  readonly expected: string;
  readonly given: string;
  /** Set when the expectation is inferred: why it is expected. */
  readonly inferred?: string;
}

export interface Note {
  /** `settling`, `drift`, `known-deviation`, `inferred-unconfirmed`, `documented-alternative`, … */
  readonly type: string;
  readonly message: string;
}

export interface Failure {
  /** idflow's failure code (`STATUS_MISMATCH`, `SCHEMA_MISMATCH`, `CHECK_FAILED`, …). */
  readonly code?: string;
  /** The first line of the message. */
  readonly summary: string;
  /** The whole message: expected/given per check, hint, evidence. */
  readonly message: string;
  readonly hint?: string;
  readonly evidence?: FailureEvidence;
}

/** What the failure showed of its exchange (see src/flow/step/evidence.ts). */
export interface FailureEvidence {
  readonly request: string;
  readonly status?: number;
  readonly vendorCode?: string;
  readonly vendorMessage?: string;
  readonly details?: string;
  readonly correlationId?: string;
  readonly body?: string;
  readonly retried?: string;
  readonly retryStopped?: string;
  /** A curl command line that sends the same request (secrets masked). */
  readonly curl: string;
}

/** One HTTP send, retries included (the client's one call). */
export interface ExchangeRecord {
  /** Its index in the target's `exchanges`. */
  readonly index: number;
  /** The id of the step or probe that sent it. */
  readonly check: string;
  readonly method: string;
  readonly url: string;
  /** Method-independent path with ids replaced by `{id}` (`/v1/environments/{id}/users`). */
  readonly pathTemplate: string;
  /** Absent when no answer came (`error` says why). */
  readonly status?: number;
  readonly error?: { readonly code: string; readonly message: string };
  /** When it was sent: ISO 8601, and the same instant in epoch milliseconds (fractional). */
  readonly startedAt: string;
  readonly startMs: number;
  /** From sending to having read the whole answer, retries and their waits included. */
  readonly durationMs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly correlationId?: string;
  /** Each attempt the client repeated: what it got and how long it waited before the next. */
  readonly retries: readonly RetryRecord[];
  readonly request: { readonly headers: Readonly<Record<string, string>>; readonly body?: string };
  readonly response?: {
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string;
    /** True when `body` was cut at the report's limit (`responseBytes` is the full size). */
    readonly truncated?: boolean;
  };
}

export interface RetryRecord {
  readonly outcome: string;
  readonly waitedMs: number;
  readonly basis: string;
}
