import { afterAll, expect, test } from 'vitest';
import type { FlowSession } from '../flow/session.ts';

/**
 * Declares a target's `99-teardown` test: deletes everything the run's ledger holds, newest
 * first, confirms each deletion, and fails listing what could not be removed. Closes the
 * session's HTTP client after the file.
 */
export function teardownTest(session: () => FlowSession, title: string): void {
  afterAll(() => session().context.client.close());

  test(`99-teardown: ${title}`, async (context) => {
    const ledger = session().ledger;
    if (ledger.size === 0) context.skip('this run created nothing, so there is nothing to delete');
    const reports = await session().teardown();
    for (const report of reports) {
      if (report.goneAfterMs !== undefined) await context.annotate(`${report.description}: gone after ${report.goneAfterMs} ms`);
    }
    const problems = reports.filter((report) => !report.deleted).map((report) => `${report.stepId}: ${report.problem ?? 'not deleted'}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });
}
