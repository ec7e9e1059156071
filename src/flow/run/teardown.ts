import { buildRequest } from '../step/build-request.ts';
import { collectEvidence, formatEvidence } from '../step/evidence.ts';
import { isSafePathSegment } from '../step/path-segment.ts';
import { pollUntil, type PollOptions } from '../step/poll.ts';
import { variablesIn } from '../step/template.ts';
import type { HttpClient } from '../../http/types.ts';
import type { Ledger, LedgerEntry } from './ledger.ts';
import type { VariableLookup } from '../step/template.ts';

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
 * How long a teardown keeps starting deletions: its own deadline, far beyond the suites' 60 s
 * test timeout, so slow DELETEs are all sent. What it did not reach stays in the ledger for the
 * supervisor's drain.
 */
export const TEARDOWN_DEADLINE_MS = 10 * 60_000;

/**
 * The longest one deletion can take once started: the send (retries included, 60 s), reading
 * back until gone ({@link GONE_POLL}), and one read-back's own request timeout, with margin.
 */
export const TEARDOWN_ATTEMPT_MS = 3 * 60_000;

/** Options of {@link runTeardown}. */
export interface TeardownOptions {
  readonly poll?: PollOptions | undefined;
  /** Values not frozen in the entry (the bearer token), read when each delete is sent. */
  readonly live?: VariableLookup;
  /** Delete statuses accepted besides the cleanup's own (a later drain also accepts 404). */
  readonly alsoOk?: readonly number[];
  /** No deletion is started after this many ms; default {@link TEARDOWN_DEADLINE_MS}. */
  readonly deadlineMs?: number;
}

/** The frozen values the cleanup puts into its URLs that are not safe as a path segment. */
function unsafeIds(entry: LedgerEntry): string[] {
  const inUrls = new Set([
    ...variablesIn(entry.cleanup.request.url),
    ...variablesIn(entry.cleanup.confirmGone?.url ?? ''),
  ]);
  return Object.entries(entry.values)
    .filter(([name, value]) => inUrls.has(name) && /ID$/.test(name) && !isSafePathSegment(value))
    .map(([name, value]) => `${name}=${JSON.stringify(value) ?? String(value)}`);
}

async function tearDownOne(
  entry: LedgerEntry,
  client: HttpClient,
  options: TeardownOptions,
  poll: PollOptions,
): Promise<CleanupReport> {
  const lookup = (name: string): unknown =>
    Object.hasOwn(entry.values, name) ? entry.values[name] : options.live?.(name);
  const { cleanup } = entry;
  const base = { stepId: entry.stepId, description: cleanup.description };
  if (entry.unidentified !== undefined) {
    return { ...base, deleted: false, problem: 'not sent: the answer that created it gave no id' };
  }
  const unsafe = unsafeIds(entry);
  if (unsafe.length > 0) {
    const problem = `not sent: ${unsafe.join(', ')} is not a well-formed id (a UUID; the tenant gave this value), and a DELETE with it could name another resource; remove it by hand`;
    return { ...base, deleted: false, problem };
  }
  try {
    // Marked teardown: exempt from the whole-run deadline, so a run out of time still cleans up.
    const request = { ...buildRequest(cleanup.request, lookup), teardown: true };
    const response = await client.send(request);
    const ok = [...cleanup.okStatuses, ...(options.alsoOk ?? [])];
    if (!ok.includes(response.status)) {
      const evidence = formatEvidence(collectEvidence(request, response));
      return {
        ...base,
        deleted: false,
        problem: `delete answered ${response.status}, expected ${ok.join(' or ')}\n${evidence}`,
      };
    }
    if (!cleanup.confirmGone) return { ...base, deleted: true };
    const readBack = { ...buildRequest(cleanup.confirmGone, lookup), teardown: true };
    const result = await pollUntil(
      () => client.send(readBack),
      (answer) => answer.status === 404,
      poll,
    );
    return result.satisfied
      ? { ...base, deleted: true, goneAfterMs: result.elapsedMs }
      : {
          ...base,
          deleted: false,
          problem: `still readable after ${result.elapsedMs} ms (last status ${result.value.status})`,
        };
  } catch (error) {
    return { ...base, deleted: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Deletes everything in the ledger, newest first, and confirms each deletion by reading until
 * 404 within a deadline. Never throws for one entry: every entry gets its attempt until the
 * teardown's own deadline passes (the rest are reported not attempted). An entry leaves the
 * ledger (and its journal) only when its deletion is confirmed, so a failed, interrupted or
 * unreached one stays for `idflow run` to drain and to name.
 */
export async function runTeardown(
  ledger: Ledger,
  client: HttpClient,
  options: TeardownOptions = {},
): Promise<CleanupReport[]> {
  const poll = options.poll ?? GONE_POLL;
  const stopAt = Date.now() + (options.deadlineMs ?? TEARDOWN_DEADLINE_MS);
  const reports: CleanupReport[] = [];
  for (const entry of [...ledger.entries()].reverse()) {
    if (Date.now() > stopAt) {
      reports.push({
        stepId: entry.stepId,
        description: entry.cleanup.description,
        deleted: false,
        problem: 'not attempted: the teardown deadline passed',
      });
      continue;
    }
    const report = await tearDownOne(entry, client, options, poll);
    if (report.deleted) ledger.remove(entry);
    reports.push(report);
  }
  return reports;
}
