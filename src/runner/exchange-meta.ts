import type { CheckContext } from '../flow/run/check-context.ts';
import type { FlowSession } from '../flow/run/session.ts';
import type { CheckResult } from '../flow/step/checks.ts';
import { withExchangeSink } from '../http/exchange-scope.ts';
import { REPORTS_VARIABLE } from '../process/run-variables.ts';
import { captureExchange, type CapturedExchange } from '../report/exchange-record.ts';
import type { CheckRun, Expectation } from '../report/results.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** The run id the step's session tags what it creates with (`idflow-<run id>`). */
    runId?: string;
    /** The HTTP status of the step's final answer, when it got one. */
    httpStatus?: number;
    /** Which step, probe or teardown the test runs. */
    check?: { readonly id: string; readonly kind: CheckRun['kind'] };
    /** Every exchange it sent (redacted when sent, and again on the way to the main process). */
    exchanges?: CapturedExchange[];
    /** Every expectation judged, held or not. */
    expectations?: Expectation[];
    /** Time it waited for a new resource to settle, ms. */
    settleMs?: number;
    /** When it started, ISO 8601. */
    startedAt?: string;
  }
}

/** Records on the test which run it belongs to, before its step is sent. */
export function recordRunId(context: CheckContext, session: FlowSession): void {
  const runId = session.vars.get('runId');
  if (typeof runId === 'string') context.task.meta.runId = runId;
}

/** Records the HTTP status the step's answer carried, for the progress lines and reports. */
export function recordStatus(context: CheckContext, status: number | undefined): void {
  if (status !== undefined) context.task.meta.httpStatus = status;
}

/** Records every expectation judged (documented and inferred), held or not. */
export function recordExpectations(context: CheckContext, results: readonly CheckResult[]): void {
  context.task.meta.expectations = results.map((result) => ({
    name: result.name,
    passed: result.passed,
    expected: result.expected,
    given: result.given,
    ...(result.inferred === undefined ? {} : { inferred: result.inferred }),
  }));
}

/**
 * Runs a test's work recording what it is (`check`) and when it started on the test's meta for
 * the reports, and, when `idflow run` writes reports, every exchange any client sends for it,
 * token refreshes included.
 */
export function recordCheck<T>(
  context: CheckContext,
  check: { readonly id: string; readonly kind: CheckRun['kind'] },
  work: () => Promise<T>,
): Promise<T> {
  const meta = context.task.meta;
  meta.check = check;
  meta.startedAt = new Date().toISOString();
  if (process.env[REPORTS_VARIABLE] !== '1') return work();
  const exchanges: CapturedExchange[] = (meta.exchanges = []);
  return withExchangeSink((exchange) => exchanges.push(captureExchange(exchange, check.id)), work);
}
