import { RUN_DEADLINE_AT_VARIABLE, RUN_DEADLINE_LABEL_VARIABLE } from './run-deadline.ts';

/**
 * The variables `idflow run` hands the vitest process it supervises: the one place both sides
 * read their names from. The deadline's two (`IDFLOW_RUN_DEADLINE_AT`, `IDFLOW_RUN_DEADLINE`)
 * sit with its parser in run-deadline.ts.
 */

/** Set in the test process, so it runs the suites instead of supervising. */
export const RUN_CHILD_VARIABLE = 'IDFLOW_RUN_CHILD';

/**
 * The run id `idflow run` chose: its sessions tag what they create with it, its ledger folder and
 * its reports folder (`reports/<run id>/`) bear it.
 */
export const RUN_ID_VARIABLE = 'IDFLOW_RUN_ID';

/**
 * Set (`1`) by `idflow run` when a report is asked for: only then does each step keep a copy of
 * every exchange it sent for the reports (a run without reports does not pay for them).
 */
export const REPORTS_VARIABLE = 'IDFLOW_REPORTS';

/** Set by `idflow run --keep`: teardown leaves what the run created, and says what it left. */
export const KEEP_VARIABLE = 'IDFLOW_KEEP';

/** The folder where the test process journals what it creates, for the supervisor's drain. */
export const LEDGER_DIR_VARIABLE = 'IDFLOW_LEDGER_DIR';

/** The env file `idflow run --env` names; the suites' global setup reads it again. */
export const ENV_FILE_VARIABLE = 'IDFLOW_ENV_FILE';

/** Set by `idflow run --smoke`: the flow runs without its troubleshooting probes. */
export const SMOKE_VARIABLE = 'IDFLOW_SMOKE';

/**
 * Set by `idflow run --step` / `--grep`: JSON `{ target: [check ids] }`, the chosen steps and
 * probes with every step they depend on; the suites declare only those (and teardown).
 */
export const SELECT_VARIABLE = 'IDFLOW_SELECT';

/** Set by `idflow run --smoke --write-population ID`: the one population the smoke may write in. */
export const WRITE_POPULATION_VARIABLE = 'IDFLOW_WRITE_POPULATION';

/** The known-deviations file `idflow run --baseline` names (absolute). */
export const BASELINE_VARIABLE = 'IDFLOW_BASELINE';

/**
 * The TLS settings of `--ca`, `--cert`, `--key` and `--insecure`, which `idflow run` hands its test
 * process (and `doctor` and `sweep` their own clients) in these variables. They carry file
 * *paths*, never a key's content; a user may set them by hand too, so none is supervisor-only.
 * The per-request timeout (`--timeout-request`) travels in `IDFLOW_REQUEST_TIMEOUT`, which sits
 * with its parser in src/http/request-timeout-variable.ts.
 */
/** `--ca FILE`: PEM certificates trusted besides Node's own (an absolute path). */
export const CA_FILE_VARIABLE = 'IDFLOW_CA_FILE';

/** `--cert FILE`: the PEM client certificate presented when a server asks for one (mTLS). */
export const CERT_FILE_VARIABLE = 'IDFLOW_CERT_FILE';

/** `--key FILE`: the PEM private key of {@link CERT_FILE_VARIABLE}'s certificate. */
export const KEY_FILE_VARIABLE = 'IDFLOW_KEY_FILE';

/**
 * The passphrase of an encrypted {@link KEY_FILE_VARIABLE}: a secret, set only in the environment
 * (no option, so it never shows in a process list).
 */
export const KEY_PASSPHRASE_VARIABLE = 'IDFLOW_KEY_PASSPHRASE';

/** `--insecure`: `1` or `true` skips the verification of servers' certificates. */
export const INSECURE_TLS_VARIABLE = 'IDFLOW_INSECURE_TLS';

/**
 * Every variable only `idflow run` may set for its test process (the deadline's two included):
 * set by hand they would skip the supervisor, its preflight or its drain.
 */
export const SUPERVISOR_ONLY_VARIABLES: readonly string[] = [
  RUN_CHILD_VARIABLE,
  RUN_ID_VARIABLE,
  KEEP_VARIABLE,
  LEDGER_DIR_VARIABLE,
  ENV_FILE_VARIABLE,
  BASELINE_VARIABLE,
  SELECT_VARIABLE,
  WRITE_POPULATION_VARIABLE,
  RUN_DEADLINE_AT_VARIABLE,
  RUN_DEADLINE_LABEL_VARIABLE,
];
