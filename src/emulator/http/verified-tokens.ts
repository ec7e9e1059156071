import type { JWTPayload } from 'jose';

/** Most tokens remembered; past it the memory starts over (a run holds a handful). */
const LIMIT = 1000;

/** Whole seconds since the epoch, as jose compares `exp` and `nbf`. */
const epochSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * The payloads of tokens whose signature an emulator already verified, by the exact token: every
 * request of a run carries the same token, and its RS256 verification was most of an emulator's
 * work per request. A token presented again is answered from memory while it is valid (jose's
 * own reading of `exp` and `nbf`); outside that window it is verified in full again, so jose
 * refuses it with its usual error. A token differing in any character is another key.
 */
export class VerifiedTokens {
  readonly #payloads = new Map<string, Readonly<JWTPayload>>();

  constructor(private readonly verifyInFull: (token: string) => Promise<JWTPayload>) {}

  async verify(token: string): Promise<JWTPayload> {
    const known = this.#payloads.get(token);
    const now = epochSeconds();
    if (
      known &&
      (known.exp === undefined || now < known.exp) &&
      (known.nbf === undefined || known.nbf <= now)
    )
      return { ...known };
    const payload = await this.verifyInFull(token);
    if (this.#payloads.size >= LIMIT) this.#payloads.clear();
    this.#payloads.set(token, Object.freeze({ ...payload }));
    return payload;
  }
}
