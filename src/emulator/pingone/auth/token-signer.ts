import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import { VerifiedTokens } from '../../http/verified-tokens.ts';

export interface AccessTokenClaims {
  clientId: string;
  environmentId: string;
  organizationId: string;
  /** `<origin>/<envId>/as`, built from the origin the client used. */
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface SignedToken {
  token: string;
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

/** The emulator's RS256 signing key, generated at start, and the JWTs made with it. */
export class TokenSigner {
  readonly keyId: string;
  readonly #privateKey: CryptoKey;
  readonly #publicKey: CryptoKey;
  readonly #publicJwk: JWK;
  readonly #verified = new VerifiedTokens(
    async (token) => (await jwtVerify(token, this.#publicKey, { algorithms: ['RS256'] })).payload,
  );

  private constructor(keyId: string, privateKey: CryptoKey, publicKey: CryptoKey, publicJwk: JWK) {
    this.keyId = keyId;
    this.#privateKey = privateKey;
    this.#publicKey = publicKey;
    this.#publicJwk = publicJwk;
  }

  /** Generates a fresh 2048-bit RSA key pair. */
  static async create(): Promise<TokenSigner> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const keyId = randomUUID();
    const jwk = await exportJWK(publicKey);
    return new TokenSigner(keyId, privateKey, publicKey, { ...jwk, kid: keyId, use: 'sig', alg: 'RS256' });
  }

  /** Signs a worker-app access token. */
  async sign(claims: AccessTokenClaims): Promise<SignedToken> {
    const jti = randomUUID();
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + claims.ttlSeconds;
    const token = await new SignJWT({
      client_id: claims.clientId,
      env: claims.environmentId,
      org: claims.organizationId,
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.keyId, typ: 'JWT' })
      .setSubject(claims.clientId)
      .setIssuer(claims.issuer)
      .setAudience(claims.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(jti)
      .sign(this.#privateKey);
    return { token, jti, issuedAt, expiresAt };
  }

  /**
   * Verifies signature and expiry (a token verified before: its expiry only, see VerifiedTokens);
   * throws jose's errors, which the bearer middleware classifies.
   */
  verify(token: string): Promise<JWTPayload> {
    return this.#verified.verify(token);
  }

  /** The JWKS document served at `/{envId}/as/jwks`. */
  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.#publicJwk }] };
  }
}
