import { buildRequest } from './build-request.ts';
import { collectEvidence, formatEvidence } from './evidence.ts';
import { pollUntil, type PollOptions } from './poll.ts';
import type { HttpClient } from '../http/types.ts';
import type { Ledger, LedgerEntry } from './ledger.ts';
import type { VariableLookup } from './template.ts';

/** What teardown did with one ledger entry. */
export interface CleanupReport {
  readonly stepId: string;
  readonly description: string;
  readonly deleted: boolean;
  /** How long the resource took to disappear on reads, when confirmation was asked for. */
  readonly goneAfterMs?: number;
  readonly problem?: string;
}

export const GONE_POLL: PollOptions = { deadlineMs: 60_000, intervalMs: 1_000 };

/** Options of {@link runTeardown}. */
export interface TeardownOptions {
  readonly poll?: PollOptions | undefined;
  /** Values not frozen in the entry (the bearer token), read when each delete is sent. */
  readonly live?: VariableLookup;
  /** Delete statuses accepted besides the cleanup's own (a later drain also accepts 404). */
  readonly alsoOk?: readonly number[];
}

async function tearDownOne(entry: LedgerEntry, client: HttpClient, options: TeardownOptions, poll: PollOptions): Promise<CleanupReport> {
  const lookup = (name: string): unknown => (Object.hasOwn(entry.values, name) ? entry.values[name] : options.live?.(name));
  const { cleanup } = entry;
  const base = { stepId: entry.stepId, description: cleanup.description };
  try {
    // Marked teardown: exempt from the whole-run deadline, so a run out of time still cleans up.
    const request = { ...buildRequest(cleanup.request, lookup), teardown: true };
    const response = await client.send(request);
    const ok = [...cleanup.okStatuses, ...(options.alsoOk ?? [])];
    if (!ok.includes(response.status)) {
      const evidence = formatEvidence(collectEvidence(request, response));
      return { ...base, deleted: false, problem: `delete answered ${response.status}, expected ${ok.join(' or ')}\n${evidence}` };
    }
    if (!cleanup.confirmGone) return { ...base, deleted: true };
    const readBack = { ...buildRequest(cleanup.confirmGone, lookup), teardown: true };
    const result = await pollUntil(() => client.send(readBack), (answer) => answer.status === 404, poll);
    return result.satisfied
      ? { ...base, deleted: true, goneAfterMs: result.elapsedMs }
      : { ...base, deleted: false, problem: `still readable after ${result.elapsedMs} ms (last status ${result.value.status})` };
  } catch (error) {
    return { ...base, deleted: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Deletes everything in the ledger, newest first, and confirms each deletion by reading until
 * 404 within a deadline. Never throws for one entry: every entry gets its attempt. An entry
 * leaves the ledger (and its journal) only after its attempt, so an interrupted teardown leaves
 * exactly what it did not reach for `idflow run` to drain.
 */
export async function runTeardown(ledger: Ledger, client: HttpClient, options: TeardownOptions = {}): Promise<CleanupReport[]> {
  const poll = options.poll ?? GONE_POLL;
  const reports: CleanupReport[] = [];
  for (let entry = ledger.newest(); entry !== undefined; entry = ledger.newest()) {
    reports.push(await tearDownOne(entry, client, options, poll));
    ledger.remove(entry);
  }
  return reports;
}
