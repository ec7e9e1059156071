import { describeEntry, removalHint } from './describe-entry.ts';
import type { FlowSession } from '../flow/run/session.ts';
import type { LedgerEntry } from '../flow/run/ledger.ts';
import type { PollOptions } from '../flow/step/poll.ts';
import type { StepDefinition } from '../flow/step/step.ts';

/** What draining one ledger did: one line per entry, and whether everything is gone. */
export interface DrainResult {
  readonly lines: readonly string[];
  readonly clean: boolean;
  /** The entries not confirmed deleted, oldest first: what a ledger must go on naming. */
  readonly remaining: readonly LedgerEntry[];
}

/** Options of {@link drainWithSession}. */
export interface DrainSessionOptions {
  /** A fresh session of the target, built from the configuration the run used. */
  readonly session: FlowSession;
  /** The step that gets the token the entries' cleanups send; none when they send no token. */
  readonly tokenStep?: StepDefinition;
  /** What the run still owed, oldest first. */
  readonly entries: readonly LedgerEntry[];
  readonly poll?: PollOptions;
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

/**
 * Finishes a teardown another process never ran (it was interrupted, bailed, crashed), for any
 * target: `session` gets a token with `tokenStep`, then deletes the entries newest first through
 * its own (guarded, token-keeping) client. A 404 counts as gone: the run may have got there
 * first. Closes the session's client.
 */
export async function drainWithSession(options: DrainSessionOptions): Promise<DrainResult> {
  const { session, entries } = options;
  try {
    for (const entry of entries) session.ledger.add(entry);
    try {
      if (options.tokenStep) await session.run(options.tokenStep);
    } catch (error) {
      return {
        clean: false,
        remaining: entries,
        lines: [
          `could not get a token to clean up (${firstLine(error)}); left:`,
          ...entries.map(
            (entry) => `NOT deleted ${describeEntry(entry)}; to remove it, ${removalHint(entry)}`,
          ),
        ],
      };
    }
    const reports = await session.teardown(options.poll, [404]);
    const lines = reports.map((report, index) => {
      const entry = entries[entries.length - 1 - index];
      const what = entry ? describeEntry(entry) : report.description;
      const problem = report.problem?.split('\n')[0] ?? 'unknown problem';
      return report.deleted
        ? `deleted ${what}`
        : `NOT deleted ${what}: ${problem}${entry ? `; to remove it, ${removalHint(entry)}` : ''}`;
    });
    // Teardown removes an entry from the session's ledger only once its deletion is confirmed.
    return { clean: reports.every((report) => report.deleted), lines, remaining: session.ledger.entries() };
  } finally {
    await session.context.client.close();
  }
}
