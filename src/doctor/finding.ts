import type { Source } from '../flow/step/source.ts';
import type { RunDeadline } from '../process/run-deadline.ts';

/**
 * What a preflight check found:
 * - `ok`: the tenant is ready for what the check is about;
 * - `config`: the configuration or the tenant's setup is wrong (a missing role, a full license,
 *   a wrong actor): the user fixes it, exit 2;
 * - `conformance`: the tenant answered against its own docs, exit 1;
 * - `unreachable`: no answer at all (DNS, refused connection, TLS), exit 3;
 * - `unverified`: the answer does not let idflow tell (a field the vendor leaves optional), or a
 *   check does not apply to the target; printed, never failing.
 */
export type Verdict = 'ok' | 'config' | 'conformance' | 'unreachable' | 'unverified';

/** One finding of `idflow doctor`. Messages never hold a secret: they are redacted when printed, too. */
export interface DoctorFinding {
  /** What was checked: `token`, `roles`, `license`, `actor ACME_NO_ROLE_CLIENT_ID`. */
  readonly check: string;
  readonly verdict: Verdict;
  /** What is so, or what is wrong, with the evidence (status, field, role names). */
  readonly message: string;
  /** The fix, in the vendor's console or the configuration; present on every failing verdict. */
  readonly fix?: string;
  /** Where the expectation comes from: a vendor page or OpenAPI pointer, or inferred and why. */
  readonly source: Source;
  /**
   * The tenant gave no answer (unreachable, timed out, the run's deadline): `idflow run` leaves
   * that to its own steps, which report it as they always have; `idflow doctor` reports it.
   */
  readonly noAnswer?: true;
}

/** How a preflight runs. */
export interface DoctorOptions {
  /** Under `idflow run`, the whole-run deadline (`--deadline`) bounds the preflight too. */
  readonly runDeadline?: RunDeadline;
}

/** True for a verdict that makes `idflow doctor` say the tenant is not ready. */
export function isFailing(verdict: Verdict): boolean {
  return verdict === 'config' || verdict === 'conformance' || verdict === 'unreachable';
}

/** True for a finding that stops `idflow run` before it creates anything: the tenant answered, wrongly. */
export function stopsRun(finding: DoctorFinding): boolean {
  return (finding.verdict === 'config' || finding.verdict === 'conformance') && finding.noAnswer !== true;
}
