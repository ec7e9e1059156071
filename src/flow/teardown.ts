import { buildRequest } from './build-request.ts';
import { collectEvidence, formatEvidence } from './evidence.ts';
import { pollUntil, type PollOptions } from './poll.ts';
import type { HttpClient } from '../http/types.ts';
import type { Ledger } from './ledger.ts';
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

/**
 * Deletes everything in the ledger, newest first, and confirms each deletion by reading until
 * 404 within a deadline. Never throws for one entry: every entry gets its attempt.
 */
export async function runTeardown(
  ledger: Ledger,
  client: HttpClient,
  options: { poll?: PollOptions | undefined; live?: VariableLookup } = {},
): Promise<CleanupReport[]> {
  const poll = options.poll ?? GONE_POLL;
  const reports: CleanupReport[] = [];
  for (const entry of ledger.drain()) {
    const lookup = (name: string): unknown => (Object.hasOwn(entry.values, name) ? entry.values[name] : options.live?.(name));
    const { cleanup } = entry;
    const base = { stepId: entry.stepId, description: cleanup.description };
    try {
      const request = buildRequest(cleanup.request, lookup);
      const response = await client.send(request);
      if (!cleanup.okStatuses.includes(response.status)) {
        const evidence = formatEvidence(collectEvidence(request, response));
        reports.push({ ...base, deleted: false, problem: `delete answered ${response.status}, expected ${cleanup.okStatuses.join(' or ')}\n${evidence}` });
        continue;
      }
      if (!cleanup.confirmGone) {
        reports.push({ ...base, deleted: true });
        continue;
      }
      const readBack = buildRequest(cleanup.confirmGone, lookup);
      const result = await pollUntil(() => client.send(readBack), (answer) => answer.status === 404, poll);
      reports.push(
        result.satisfied
          ? { ...base, deleted: true, goneAfterMs: result.elapsedMs }
          : { ...base, deleted: false, problem: `still readable after ${result.elapsedMs} ms (last status ${result.value.status})` },
      );
    } catch (error) {
      reports.push({ ...base, deleted: false, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  return reports;
}
