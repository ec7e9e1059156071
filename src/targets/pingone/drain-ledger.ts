import { drainWithSession, type DrainResult } from '../../cleanup/drain-session.ts';
import { createPingOneSession } from './session.ts';
import { getAccessToken } from './steps/01-get-access-token.ts';
import type { LedgerEntry } from '../../flow/run/ledger.ts';
import type { PollOptions } from '../../flow/step/poll.ts';
import type { PingOneConfig } from './config.ts';

/**
 * Finishes a PingOne teardown another process never ran: a fresh session with the same
 * configuration gets a worker-app token (step 01) and deletes the entries newest first through
 * the same production-guarded client. A 404 counts as gone.
 */
export function drainPingOneLedger(
  config: PingOneConfig,
  entries: readonly LedgerEntry[],
  poll?: PollOptions,
): Promise<DrainResult> {
  return drainWithSession({
    session: createPingOneSession(config),
    tokenStep: getAccessToken,
    entries,
    ...(poll === undefined ? {} : { poll }),
  });
}
