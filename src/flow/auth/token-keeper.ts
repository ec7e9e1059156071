import { bearerOf, withBearer } from '../../http/bearer-header.ts';
import { redact } from '../../redact/secrets.ts';
import { TokenExpiry, type ExpiryMargin } from './token-expiry.ts';
import { TokenRequest, type TokenGrant } from './token-request.ts';
import type { Handler, HttpRequest, HttpResponse, Middleware } from '../../http/types.ts';
import type { StepDefinition } from '../step/step.ts';
import type { RunVariables } from '../step/variables.ts';
import type { RunTokens, TokenRefresh, TokenRetry } from '../step/run-tokens.ts';

/** Options of {@link TokenKeeper}. */
export interface TokenKeeperOptions extends ExpiryMargin {
  readonly vars: RunVariables;
  /** The step that gets a token (the target's `tokenStep`); its request is re-sent to refresh. */
  readonly tokenStep: StepDefinition;
  /** Run variable holding the bearer token; default `accessToken`. */
  readonly tokenVariable?: string;
  /** Run variable holding `expires_in`; default `accessTokenExpiresIn`. */
  readonly expiresInVariable?: string;
  /** Clock in ms; default `Date.now`. */
  readonly now?: () => number;
  /**
   * True for an answer refusing the token itself, which a new token fixes (each target says how its API
   * refuses one).
   */
  readonly isRejection: (response: HttpResponse) => boolean;
}

/**
 * Keeps the run's bearer token (the `accessToken` run variable) fresh, as HTTP middleware:
 * a request carrying it is sent with a new token when it expires within the margin, and a
 * rejection of the token (as the target's `isRejection` recognises one) is answered by one refresh and
 * one replay. Concurrent requests share one refresh; after a refresh the token endpoint never
 * answered (a time-out), it is not asked again in the run.
 * Requests carrying any other token (negative probes, other actors, an earlier token of the run
 * sent on purpose) pass untouched: the keeper never rewrites what a probe chose to send.
 */
export class TokenKeeper implements RunTokens {
  readonly #vars: RunVariables;
  readonly #tokenRequest: TokenRequest;
  readonly #tokenVariable: string;
  readonly #expiresInVariable: string;
  readonly #now: () => number;
  readonly #isRejection: (response: HttpResponse) => boolean;
  readonly #expiry: TokenExpiry;
  readonly #retries = new WeakMap<HttpRequest, TokenRetry>();
  readonly #refreshes: TokenRefresh[] = [];
  #inFlight: Promise<string | undefined> | undefined;
  /** Why the token endpoint is not asked again: it once accepted a refresh and never answered. */
  #unanswered: string | undefined;
  #send: Handler | undefined;

  constructor(options: TokenKeeperOptions) {
    this.#vars = options.vars;
    this.#tokenVariable = options.tokenVariable ?? 'accessToken';
    this.#expiresInVariable = options.expiresInVariable ?? 'accessTokenExpiresIn';
    this.#tokenRequest = new TokenRequest({
      step: options.tokenStep,
      tokenVariable: this.#tokenVariable,
      expiresInVariable: this.#expiresInVariable,
    });
    this.#now = options.now ?? Date.now;
    this.#isRejection = options.isRejection;
    this.#expiry = new TokenExpiry({ ...options, now: this.#now });
  }

  /**
   * Sends refreshes through the whole client (timing, recording, secret capture) instead of the inner chain.
   */
  attach(send: Handler): void {
    this.#send = send;
  }

  /** Every refresh so far, oldest first. */
  get refreshes(): readonly TokenRefresh[] {
    return [...this.#refreshes];
  }

  /**
   * What the keeper did about `request` (the object passed to the client); undefined without a bearer token.
   */
  retryOf(request: HttpRequest): TokenRetry | undefined {
    return this.#retries.get(request) ?? (bearerOf(request) === undefined ? undefined : 'foreign-token');
  }

  /** The middleware; compose it inside the client's built-in pieces. */
  readonly middleware: Middleware = async (request, next) => {
    const sent = bearerOf(request);
    if (sent === undefined || !this.#owns(sent)) {
      if (sent !== undefined) this.#retries.set(request, 'foreign-token');
      const started = this.#now();
      const response = await next(request);
      this.#observe(request, response, started);
      return response;
    }
    const held = this.#current() ?? sent;
    let token = held;
    let refreshed = false;
    if (this.#expiry.expiresSoon(held)) {
      token = (await this.#refresh('expiring', next, request.teardown)) ?? held;
      refreshed = true;
    }
    const response = await next(withBearer(request, token));
    if (!this.#isRejection(response)) {
      this.#retries.set(request, 'not-retried');
      return response;
    }
    // Another request may have refreshed while this one was in flight; then use its token.
    const current = this.#current();
    const fresh =
      current !== undefined && current !== token
        ? current
        : refreshed
          ? undefined
          : await this.#refresh('rejected', next, request.teardown);
    if (fresh === undefined || fresh === token) {
      // A token fetched just before sending counts as the one retry: it was new and still refused.
      this.#retries.set(request, refreshed && token !== held ? 'replayed' : 'refresh-failed');
      return response;
    }
    this.#retries.set(request, 'replayed');
    return next(withBearer(request, fresh));
  };

  #current(): string | undefined {
    const value = this.#vars.get(this.#tokenVariable);
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  #owns(token: string): boolean {
    return token === this.#current();
  }

  /** Learns the lifetime of tokens the token step issues, whoever sent it (step 01 itself too). */
  #observe(request: HttpRequest, response: HttpResponse, sentAt: number): void {
    if (!this.#tokenRequest.matches(request, this.#vars)) return;
    const grant = this.#tokenRequest.read(response);
    if (grant?.expiresInSeconds !== undefined) this.#expiry.note(grant.token, grant.expiresInSeconds, sentAt);
  }

  /** Single flight: every caller during one refresh gets the same new token (or undefined). */
  #refresh(reason: TokenRefresh['reason'], next: Handler, teardown = false): Promise<string | undefined> {
    this.#inFlight ??= this.#obtain(reason, this.#send ?? next, teardown).finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #obtain(
    reason: TokenRefresh['reason'],
    send: Handler,
    teardown: boolean,
  ): Promise<string | undefined> {
    const at = new Date(this.#now()).toISOString();
    // Asking a hung endpoint again would cost the whole request timeout at every request.
    if (this.#unanswered !== undefined) {
      this.#refreshes.push({ reason, at, ok: false, problem: `not asked again: ${this.#unanswered}` });
      return undefined;
    }
    const grant: TokenGrant = await this.#tokenRequest.send(this.#vars, send, this.#now, { teardown });
    if (!grant.ok) {
      const problem = redact(grant.problem);
      if (grant.unanswered) this.#unanswered = problem;
      this.#refreshes.push({ reason, at, ok: false, problem });
      return undefined;
    }
    const from = this.#tokenRequest.step.id;
    this.#vars.set(this.#tokenVariable, grant.token, { from, secret: true });
    if (grant.expiresInSeconds !== undefined) {
      this.#vars.set(this.#expiresInVariable, grant.expiresInSeconds, { from });
      this.#expiry.note(grant.token, grant.expiresInSeconds, grant.sentAt);
    }
    this.#refreshes.push({ reason, at, ok: true });
    return grant.token;
  }
}
