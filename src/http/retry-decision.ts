import { TransportError } from './transport-error.ts';
import { backoffDelayMs, parseRetryAfter, type RetryPolicy } from './backoff.ts';
import type { HttpMethod, HttpResponse, RetryAttempt } from './types.ts';

/** What one attempt produced. */
export type AttemptOutcome = { readonly response: HttpResponse } | { readonly error: unknown };

/** Send again after `waitMs`, or stop (with the reason when a retryable outcome was not retried). */
export type RetryDecision =
  | { readonly retry: true; readonly attempt: RetryAttempt }
  | { readonly retry: false; readonly stopped?: string };

/** What the decision needs to know besides the outcome. */
export interface RetryContext {
  readonly method: HttpMethod | string;
  /** Attempts made so far, this one included. */
  readonly attempts: number;
  readonly policy: RetryPolicy;
  /** The send's deadline and how much of it is left, ms. */
  readonly deadlineMs: number;
  readonly remainingMs: number;
  /**
   * What ends the time left when it is sooner than the send's deadline, such as `the whole-run
   * deadline (20m, --deadline)`; `remainingMs` is then what is left of that.
   */
  readonly limitedBy?: string;
  readonly nowMs: number;
  readonly random: () => number;
  /**
   * The request is a teardown's (a DELETE or its read-back): any 5xx is sent again, not only the
   * gateway statuses, since repeating it can only delete what the run owes, and giving up leaves
   * the resource in the customer's tenant.
   */
  readonly teardown?: boolean;
}

/** Methods whose repetition has the effect of one request (RFC 9110 §9.2.2, PATCH and POST excluded). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Gateway and availability statuses: the request may or may not have been processed. */
const MAYBE_PROCESSED_STATUSES = new Set([502, 503, 504]);

/** `Retry-After` is honoured where RFC 9110 gives it meaning for a retry: 429 and 503. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

interface Retryable {
  readonly label: string;
  /** 429: the server says it did not process the request, so any method may be sent again. */
  readonly anyMethod: boolean;
  readonly retryAfter?: string;
}

function retryable(outcome: AttemptOutcome, teardown: boolean): Retryable | undefined {
  if ('response' in outcome) {
    const { status, headers } = outcome.response;
    const retryAfter = RETRY_AFTER_STATUSES.has(status) ? headers['retry-after'] : undefined;
    if (status === 429) return { label: '429', anyMethod: true, retryAfter };
    if (MAYBE_PROCESSED_STATUSES.has(status) || (teardown && status >= 500 && status <= 599)) {
      return { label: String(status), anyMethod: false, retryAfter };
    }
    return undefined;
  }
  const { error } = outcome;
  // A reset or closed connection after the host accepted it; refused or unknown hosts are the
  // configuration's.
  if (error instanceof TransportError && error.code === 'CONNECTION_FAILED' && error.fault === 'api') {
    return { label: `${error.code} (${error.causeCode ?? 'connection closed'})`, anyMethod: false };
  }
  return undefined;
}

/**
 * Decides whether to send a request again: 429 on any method, honouring `Retry-After`; 502, 503,
 * 504 (any 5xx for teardown's requests) and connection resets only on idempotent methods, since
 * a POST may have been processed;
 * never more than `maxAttempts`, and never a wait that would end past the deadline.
 */
export function decideRetry(outcome: AttemptOutcome, context: RetryContext): RetryDecision {
  const found = retryable(outcome, context.teardown === true);
  if (found === undefined) return { retry: false };
  const { method, attempts, policy } = context;
  if (!found.anyMethod && !IDEMPOTENT_METHODS.has(method)) {
    return {
      retry: false,
      stopped:
        `${found.label} to a ${method} is not retried: the request may have been processed (only ` +
        `${[...IDEMPOTENT_METHODS].join(', ')} are retried after it)`,
    };
  }
  if (attempts >= policy.maxAttempts) {
    return {
      retry: false,
      stopped: `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'} (the last got ${found.label})`,
    };
  }
  const asked = parseRetryAfter(found.retryAfter, context.nowMs);
  const basis = asked === undefined ? 'back-off' : 'Retry-After';
  const waitMs = asked ?? backoffDelayMs(attempts, policy, context.random);
  if (waitMs > context.remainingMs) {
    const what =
      basis === 'Retry-After'
        ? `Retry-After (${found.retryAfter ?? ''}) asks for ${waitMs} ms`
        : `the next back-off of ${waitMs} ms`;
    const left = Math.max(0, Math.round(context.remainingMs));
    const of =
      context.limitedBy === undefined
        ? `of the ${context.deadlineMs} ms step deadline`
        : `before ${context.limitedBy}`;
    return {
      retry: false,
      stopped: `${found.label} not retried: ${what}, more than the ${left} ms left ${of}`,
    };
  }
  return { retry: true, attempt: { outcome: found.label, waitedMs: waitMs, basis } };
}
