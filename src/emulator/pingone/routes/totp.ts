import { Secret, TOTP } from 'otpauth';

/** RFC 6238 parameters PingOne authenticator-app devices use. */
const PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Accept the previous and next 30-second step as well, for clock skew. */
const WINDOW = 1;

export interface TotpEnrollment {
  /** Base32 (RFC 4648, no padding) of 160 random bits. */
  secret: string;
  /** `otpauth://totp/<issuer>:<username>?secret=…&issuer=…` for authenticator apps. */
  keyUri: string;
}

/** A fresh TOTP secret and its key URI. */
export function enrollTotp(issuer: string, username: string): TotpEnrollment {
  const secret = new Secret({ size: 20 });
  const totp = new TOTP({ issuer, label: username, secret, ...PARAMETERS });
  return { secret: secret.base32, keyUri: totp.toString() };
}

/** Whether `code` is the current (±1 step) code for `secret`. */
export function verifyTotp(secret: string, code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const totp = new TOTP({ secret: Secret.fromBase32(secret), ...PARAMETERS });
  return totp.validate({ token: code, window: WINDOW }) !== null;
}
