import { randomBytes, randomUUID } from 'node:crypto';
import { generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { CryptoKey, JWTPayload } from 'jose';
import { VerifiedTokens } from '../../http/verified-tokens.ts';

/** Who a token is for: a human user (`normal-user`) or an M2M application. */
export interface TokenSubject {
  readonly kind: 'user' | 'application';
  readonly id: string;
  readonly name: string;
}

/** The documented OAuth2Token body. */
export interface OAuth2Token {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  idToken: string;
  scope: string;
}

/** Casdoor's built-in certificate name, the `kid` of Lerian's example token. */
const KEY_ID = 'cert-built-in';
const ORGANIZATION = 'lerian';
const SCOPE = 'openid profile email';

/** Signs and verifies the emulator's RS256 access tokens (claims as in Lerian's example token). */
export class TokenIssuer {
  readonly #privateKey: CryptoKey;
  readonly #publicKey: CryptoKey;
  readonly #verified = new VerifiedTokens(
    async (token) => (await jwtVerify(token, this.#publicKey, { algorithms: ['RS256'] })).payload,
  );
  readonly ttlSeconds: number;

  private constructor(keys: { privateKey: CryptoKey; publicKey: CryptoKey }, ttlSeconds: number) {
    this.#privateKey = keys.privateKey;
    this.#publicKey = keys.publicKey;
    this.ttlSeconds = ttlSeconds;
  }

  static async create(ttlSeconds: number): Promise<TokenIssuer> {
    return new TokenIssuer(await generateKeyPair('RS256'), ttlSeconds);
  }

  /** A signed JWT for `subject`, issued by `issuer` (the origin the client used). */
  async accessToken(subject: TokenSubject, issuer: string, audience: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      iss: issuer,
      sub: subject.id,
      aud: [audience],
      iat: now,
      nbf: now,
      exp: now + this.ttlSeconds,
      jti: `${subject.name}/${randomUUID()}`,
      owner: ORGANIZATION,
      name: subject.name,
      type: subject.kind === 'user' ? 'normal-user' : 'application',
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
      .sign(this.#privateKey);
  }

  /** Verifies signature and expiry (a token verified before: its expiry only, see VerifiedTokens); throws jose's errors otherwise. */
  verify(token: string): Promise<JWTPayload> {
    return this.#verified.verify(token);
  }

  /** A full OAuth2Token body; the refresh token is opaque, the caller stores it. */
  async oauth2Token(subject: TokenSubject, issuer: string, audience: string): Promise<OAuth2Token> {
    const accessToken = await this.accessToken(subject, issuer, audience);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.ttlSeconds,
      refreshToken: randomBytes(32).toString('base64url'),
      idToken: accessToken,
      scope: SCOPE,
    };
  }
}
