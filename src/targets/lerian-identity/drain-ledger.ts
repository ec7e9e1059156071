import { drainWithSession, type DrainResult } from '../../cleanup/drain-session.ts';
import { createLerianIdentitySession } from './session.ts';
import { lerianTokenStep } from './token-step.ts';
import type { LerianConfig } from './config.ts';
import type { LedgerEntry } from '../../flow/run/ledger.ts';
import type { PollOptions } from '../../flow/step/poll.ts';

/**
 * Finishes a Lerian Identity teardown another process never ran: a fresh session with the same
 * configuration gets the token the run's cleanups send (the admin user's, else the M2M
 * application's) and deletes the entries (the test user) newest first. A 404 counts as gone.
 */
export function drainLerianLedger(
  config: LerianConfig,
  entries: readonly LedgerEntry[],
  poll?: PollOptions,
): Promise<DrainResult> {
  return drainWithSession({
    session: createLerianIdentitySession(config),
    tokenStep: lerianTokenStep(config),
    entries,
    ...(poll === undefined ? {} : { poll }),
  });
}
