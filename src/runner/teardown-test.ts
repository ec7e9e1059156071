import { afterAll, expect, test } from 'vitest';
import { runTeardownIn } from './run-teardown-check.ts';
import { TEARDOWN_ATTEMPT_MS, TEARDOWN_DEADLINE_MS } from '../flow/run/teardown.ts';
import type { FlowSession } from '../flow/run/session.ts';
import { KEEP_VARIABLE } from '../process/run-variables.ts';
import { recordCheck } from './exchange-meta.ts';

/**
 * The teardown test's own timeout, instead of the suites' 60 s: the teardown's deadline plus one
 * deletion started just before it, so vitest never abandons a teardown still deleting.
 */
export const TEARDOWN_TEST_TIMEOUT_MS = TEARDOWN_DEADLINE_MS + TEARDOWN_ATTEMPT_MS;

/**
 * Declares a target's `99-teardown` test: deletes everything the run's ledger holds, newest
 * first, confirms each deletion, and fails listing what could not be removed (it stays in the
 * ledger for the supervisor's drain). With `--keep` it is skipped, naming what was kept. Closes
 * the session's HTTP client after the file.
 */
export function teardownTest(session: () => FlowSession, title: string): void {
  afterAll(() => session().context.client.close());

  test(
    `99-teardown: ${title}`,
    (context) =>
      recordCheck(context, { id: '99-teardown', kind: 'teardown' }, async () => {
        const problems = await runTeardownIn(context, session(), process.env[KEEP_VARIABLE] === '1');
        expect(problems, problems.join('\n')).toEqual([]);
      }),
    TEARDOWN_TEST_TIMEOUT_MS,
  );
}
