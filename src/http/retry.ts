import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.ts';
import { decideRetry, type AttemptOutcome } from './retry-decision.ts';
import { describeRunDeadline, type RunDeadline } from '../process/run-deadline.ts';
import type { HttpRequest, Middleware, RetryAttempt, RetryRecord } from './types.ts';

/** Options of {@link retry}. */
export interface RetryOptions {
  /** Overrides of {@link DEFAULT_RETRY_POLICY}. */
  readonly policy?: Partial<RetryPolicy>;
  /** Deadline of a send whose request names none, ms. */
  readonly deadlineMs: number;
  /** Jitter source in [0, 1); default `Math.random`. */
  readonly random?: () => number;
  /** The whole-run deadline: no wait ends past it (teardown requests excepted). */
  readonly runDeadline?: RunDeadline | undefined;
}

/** What the retry piece did, per request object, for failures that carry no response. */
const records = new WeakMap<HttpRequest, RetryRecord>();

/**
 * What the retry piece did about the last send of `request` (the object passed to the client):
 * also set on the response as `retries`, but a send that threw has only this.
 */
export function retriesOf(request: HttpRequest): RetryRecord | undefined {
  return records.get(request);
}

/** What is left of the send's deadline, or of the run's when that ends sooner. */
function timeLeft(
  stepLeftMs: number,
  request: HttpRequest,
  run: RunDeadline | undefined,
): { remainingMs: number; limitedBy?: string } {
  if (run === undefined || request.teardown) return { remainingMs: stepLeftMs };
  const runLeftMs = run.remainingMs();
  return runLeftMs < stepLeftMs
    ? { remainingMs: runLeftMs, limitedBy: describeRunDeadline(run) }
    : { remainingMs: stepLeftMs };
}

function hasNews(record: RetryRecord): boolean {
  return record.attempts.length > 0 || record.stopped !== undefined;
}

/**
 * Sends again what the server did not process (429, any method) or what is safe to repeat (502,
 * 503, 504 and connection resets on idempotent methods; any 5xx on a teardown's), with back-off or the
 * server's
 * `Retry-After`, within the attempts and the deadline (the run's, when that ends sooner). Passes
 * the same request object to every attempt, so pieces inside it (the token keeper) see one
 * request; each attempt re-reads the run's token there, so a long wait cannot send an expired one.
 */
export function retry(options: RetryOptions): Middleware {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const random = options.random ?? Math.random;
  return async (request, next) => {
    const deadlineMs = request.deadlineMs ?? options.deadlineMs;
    const started = performance.now();
    const attempts: RetryAttempt[] = [];
    records.delete(request);
    for (;;) {
      let outcome: AttemptOutcome;
      try {
        outcome = { response: await next(request) };
      } catch (error) {
        outcome = { error };
      }
      const decision = decideRetry(outcome, {
        method: request.method,
        attempts: attempts.length + 1,
        policy,
        deadlineMs,
        ...timeLeft(deadlineMs - (performance.now() - started), request, options.runDeadline),
        nowMs: Date.now(),
        random,
        teardown: request.teardown === true,
      });
      if (decision.retry) {
        attempts.push(decision.attempt);
        await sleep(decision.attempt.waitedMs);
        continue;
      }
      const record: RetryRecord =
        decision.stopped === undefined ? { attempts } : { attempts, stopped: decision.stopped };
      if (hasNews(record)) records.set(request, record);
      if ('error' in outcome) throw outcome.error;
      return hasNews(record) ? { ...outcome.response, retries: record } : outcome.response;
    }
  };
}
