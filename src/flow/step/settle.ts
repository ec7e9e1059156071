import { pollUntil, type PollOptions } from './poll.ts';
import type { HttpResponse } from '../../http/types.ts';
import type { RunVariables } from './variables.ts';

/**
 * A step's opt-in to the documented propagation lag of a resource the run just created: for
 * example, the first calls into a newly created environment may answer 401/403 or 404 for a
 * while (each target's policy cites its docs). The step is sent again while it gets such an answer, until the
 * deadline; the last answer is then checked as usual, so a lasting 403 still fails with the
 * normal hint.
 *
 * Settling applies only while the resource is new: when `variable` was captured by a step of
 * this run. A configured existing environment (accepted by a substitute step) never settles, nor
 * does any probe (a derived probe carries no `settle`). It is not limited to the first settled
 * step: each opted-in step is the first call needing something the docs say can lag on its own
 * (a role assignment), and on a settled tenant it costs nothing, since the first answer counts.
 */
export interface SettlePolicy {
  /** What settles, as reports name it: `environment`. */
  readonly subject: string;
  /** The run variable naming the new resource (`envID`). */
  readonly variable: string;
  /** Statuses the lag may answer with… */
  readonly statuses: readonly number[];
  /** …and the vendor error `code` it carries; any other answer is final at once. */
  readonly codes: readonly string[];
  readonly poll: PollOptions;
  /** Why the step may be asked again, with the source; quoted when the step fails. */
  readonly why: string;
}

/**
 * What settling took: the status of every ask, in order, and the time from the first ask to the last answer.
 */
export interface SettleRecord {
  readonly subject: string;
  readonly statuses: readonly number[];
  readonly elapsedMs: number;
  /** False when the deadline passed with the lag's answer still coming. */
  readonly settled: boolean;
}

/** The step's policy when it applies now (its variable was captured in this run), else undefined. */
export function settlingNow(policy: SettlePolicy | undefined, vars: RunVariables): SettlePolicy | undefined {
  return policy && vars.origin(policy.variable)?.captured ? policy : undefined;
}

/** Whether `response` is one of the answers the lag may give. */
export function isLagAnswer(policy: SettlePolicy, response: HttpResponse): boolean {
  if (!policy.statuses.includes(response.status)) return false;
  const json = response.json;
  const code = typeof json === 'object' && json !== null ? (json as { code?: unknown }).code : undefined;
  return typeof code === 'string' && policy.codes.includes(code);
}

/**
 * Sends until the answer is not the lag's, or the deadline passes. Resending is safe even for a
 * POST only because the statuses settled on (401, 403, 404) mean the request was not processed;
 * never give a policy a status after which the tenant may have acted.
 */
export async function sendSettling(
  policy: SettlePolicy,
  send: () => Promise<HttpResponse>,
): Promise<{ readonly response: HttpResponse; readonly settling: SettleRecord }> {
  const statuses: number[] = [];
  const ask = async (): Promise<HttpResponse> => {
    const response = await send();
    statuses.push(response.status);
    return response;
  };
  const result = await pollUntil(ask, (response) => !isLagAnswer(policy, response), policy.poll);
  return {
    response: result.value,
    settling: { subject: policy.subject, statuses, elapsedMs: result.elapsedMs, settled: result.satisfied },
  };
}

/** `403, 403, 403, 201`; runs of four or more shortened: `403 ×17, 201`. */
function listStatuses(statuses: readonly number[]): string {
  const runs: Array<{ status: number; count: number }> = [];
  for (const status of statuses) {
    const last = runs.at(-1);
    if (last?.status === status) last.count += 1;
    else runs.push({ status, count: 1 });
  }
  return runs
    .map(({ status, count }) =>
      count >= 4 ? `${status} ×${count}` : Array<number>(count).fill(status).join(', '),
    )
    .join(', ');
}

/** Whether there is anything to say: the step was asked more than once, or never got past the lag. */
export function settlingWorthTelling(record: SettleRecord | undefined): record is SettleRecord {
  return record !== undefined && (record.statuses.length > 1 || !record.settled);
}

/**
 * `environment settled after 1.2 s (3 asks: 403, 403, 201)`, or
 * `environment did not settle: 18 asks over 29.6 s (403 ×18)`.
 */
export function describeSettling(record: SettleRecord): string {
  const seconds = `${(record.elapsedMs / 1000).toFixed(1)} s`;
  const asks = `${record.statuses.length} ${record.statuses.length === 1 ? 'ask' : 'asks'}`;
  const statuses = listStatuses(record.statuses);
  return record.settled
    ? `${record.subject} settled after ${seconds} (${asks}: ${statuses})`
    : `${record.subject} did not settle: ${asks} over ${seconds} (${statuses})`;
}
