import { describeEntry } from './describe-entry.ts';
import { createPingOneSession } from '../targets/pingone/session.ts';
import { getAccessToken } from '../targets/pingone/steps/01-get-access-token.ts';
import type { LedgerEntry } from '../flow/ledger.ts';
import type { PollOptions } from '../flow/poll.ts';
import type { PingOneConfig } from '../config/pingone-config.ts';

/** What draining one ledger did: one line per entry, and whether everything is gone. */
export interface DrainResult {
  readonly lines: readonly string[];
  readonly clean: boolean;
}

/**
 * Finishes a PingOne teardown another process never ran (it was interrupted, bailed, crashed):
 * a fresh session with the same configuration gets a token and deletes the entries newest
 * first through the same guarded client. A 404 counts as gone (the run may have got there first).
 */
export async function drainPingOneLedger(
  config: PingOneConfig,
  entries: readonly LedgerEntry[],
  poll?: PollOptions,
): Promise<DrainResult> {
  const session = createPingOneSession(config);
  try {
    for (const entry of entries) session.ledger.add(entry);
    try {
      await session.run(getAccessToken);
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return {
        clean: false,
        lines: [`could not get a token to clean up (${why}); left: ${entries.map(describeEntry).join('; ')}`],
      };
    }
    const reports = await session.teardown(poll, [404]);
    const lines = reports.map((report, index) => {
      const entry = entries[entries.length - 1 - index];
      const what = entry ? describeEntry(entry) : report.description;
      return report.deleted
        ? `deleted ${what}`
        : `NOT deleted ${what}: ${report.problem?.split('\n')[0] ?? 'unknown problem'}`;
    });
    return { clean: reports.every((report) => report.deleted), lines };
  } finally {
    await session.context.client.close();
  }
}
