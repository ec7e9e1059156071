import { describeEntry } from '../cleanup/describe-entry.ts';
import type { CheckContext } from '../flow/run/check-context.ts';
import type { FlowSession } from '../flow/run/session.ts';

/**
 * Runs a target's teardown as one check: deletes everything the run's ledger holds, newest
 * first, confirming each deletion, and returns what could not be removed (it stays in the
 * ledger for the supervisor's drain), one line each. Skipped when the run created nothing, and
 * with `keep` (`--keep`), naming what was kept.
 */
export async function runTeardownIn(
  context: CheckContext,
  session: FlowSession,
  keep: boolean,
): Promise<string[]> {
  const ledger = session.ledger;
  if (ledger.size === 0) context.skip('this run created nothing, so there is nothing to delete');
  if (keep) context.skip(`--keep: left ${ledger.entries().map(describeEntry).join('; ')}`);
  const reports = await session.teardown();
  for (const report of reports) {
    if (report.goneAfterMs !== undefined)
      await context.annotate(`${report.description}: gone after ${report.goneAfterMs} ms`);
  }
  return reports
    .filter((report) => !report.deleted)
    .map((report) => `${report.stepId}: ${report.problem ?? 'not deleted'}`);
}
