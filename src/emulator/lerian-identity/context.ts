import type { TokenIssuer } from './auth/token-issuer.ts';
import type { LerianDirectory } from './state/directory.ts';

/** Limits of the MFA login challenge (the Auth plugin's `MFA_*` settings). */
export interface MfaLoginLimits {
  /** Lifetime of an `mfaToken`; Auth's default `MFA_SESSION_TTL_SEC` is 300. */
  readonly sessionTtlSeconds: number;
  /** Wrong answers before the challenge is revoked; Auth's default `MFA_MAX_ATTEMPTS` is 5. */
  readonly maxAttempts: number;
}

/** What every route and middleware of the Lerian emulator works with. */
export interface LerianContext {
  readonly directory: LerianDirectory;
  readonly issuer: TokenIssuer;
  /** The client id of the Access Manager's own application, the tokens' audience. */
  readonly audience: string;
  readonly refreshTtlSeconds: number;
  readonly mfaLogin: MfaLoginLimits;
}
