import type { HttpRequest } from '../../http/types.ts';

/**
 * What the keeper did about one request, for the 401 hint:
 * - `replayed`: the token was rejected, a newer one was obtained and the request sent once more;
 * - `refresh-failed`: the token was rejected and no new one could be obtained;
 * - `foreign-token`: the request carried a token that is not the run's, so it was left alone;
 * - `not-retried`: the run's token went out and was not refused as a bad token.
 */
export type TokenRetry = 'replayed' | 'refresh-failed' | 'foreign-token' | 'not-retried';

/** One refresh the keeper made, for reports and tests. */
export interface TokenRefresh {
  /**
   * `expiring`: before sending, the token was within the margin; `rejected`: the server refused the token
   * (the target's `isRejection`).
   */
  readonly reason: 'expiring' | 'rejected';
  /** ISO 8601 time the refresh started. */
  readonly at: string;
  readonly ok: boolean;
  /** Why no token was obtained (redacted). */
  readonly problem?: string;
}

/** What a step sees of the run's bearer token: how the keeper treated a request, and its refreshes. */
export interface RunTokens {
  retryOf(request: HttpRequest): TokenRetry | undefined;
  /** Every refresh so far, oldest first. */
  readonly refreshes: readonly TokenRefresh[];
}
