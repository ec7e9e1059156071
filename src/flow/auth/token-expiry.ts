/** When a token counts as expiring: `marginMs` before its end, or `marginFraction` of a short lifetime. */
export interface ExpiryMargin {
  /** Refresh this long before expiry at most; default 60 000 ms. */
  readonly marginMs?: number;
  /** For short lifetimes, refresh this fraction of the lifetime before expiry; default 0.2. */
  readonly marginFraction?: number;
}

interface Lifetime {
  readonly issuedAt: number;
  readonly expiresAt: number;
}

/**
 * The lifetimes of the tokens a run has seen issued, keyed by token. The lifetime starts when
 * the token request was sent, so network time only ever makes the estimate earlier.
 */
export class TokenExpiry {
  readonly #lifetimes = new Map<string, Lifetime>();
  readonly #marginMs: number;
  readonly #marginFraction: number;
  readonly #now: () => number;

  constructor(options: ExpiryMargin & { readonly now: () => number }) {
    this.#marginMs = options.marginMs ?? 60_000;
    this.#marginFraction = options.marginFraction ?? 0.2;
    this.#now = options.now;
  }

  /** Records a token issued by a request sent at `sentAt` (ms) with `expires_in` seconds. */
  note(token: string, expiresInSeconds: number, sentAt: number): void {
    this.#lifetimes.set(token, { issuedAt: sentAt, expiresAt: sentAt + expiresInSeconds * 1000 });
  }

  /** True when `token` is known and ends within the margin; an unknown token is never expiring. */
  expiresSoon(token: string): boolean {
    const lifetime = this.#lifetimes.get(token);
    if (!lifetime) return false;
    const margin = Math.min(this.#marginMs, (lifetime.expiresAt - lifetime.issuedAt) * this.#marginFraction);
    return this.#now() >= lifetime.expiresAt - margin;
  }
}
