import { afterAll, describe, expect, test } from 'vitest';
import { runTeardown } from '../../src/flow/teardown.ts';
import { pingOneSession } from '../../src/runner/pingone-session.ts';

describe('99 teardown', () => {
  afterAll(() => pingOneSession().context.client.close());

  test('99-teardown: delete what this run created, and confirm it is gone', async (context) => {
    const session = pingOneSession();
    if (session.ledger.size === 0) context.skip('this run created nothing, so there is nothing to delete');
    const reports = await runTeardown(session.ledger, session.context.client);
    for (const report of reports) {
      if (report.goneAfterMs !== undefined) await context.annotate(`${report.description}: gone after ${report.goneAfterMs} ms`);
    }
    const problems = reports.filter((report) => !report.deleted).map((report) => `${report.stepId}: ${report.problem ?? 'not deleted'}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
