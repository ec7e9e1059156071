import { Secret, TOTP } from 'otpauth';

/** RFC 6238 parameters every target here uses: SHA-1, 6 digits, 30-second period. */
export const TOTP_DEFAULTS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** A new authenticator-app pairing: the shared secret and the URI an app scans. */
export interface TotpEnrollment {
  /** Base32 (RFC 4648, no padding) of 160 random bits. */
  readonly secret: string;
  /** `otpauth://totp/<issuer>:<label>?secret=…&issuer=…`. */
  readonly keyUri: string;
}

function totpFor(base32Secret: string): TOTP {
  return new TOTP({
    ...TOTP_DEFAULTS,
    secret: Secret.fromBase32(base32Secret.replace(/\s+/g, '').toUpperCase()),
  });
}

/** A fresh TOTP secret (160 bits) and its key URI, server side of a pairing. */
export function enrollTotp(issuer: string, label: string): TotpEnrollment {
  const secret = new Secret({ size: 20 });
  const totp = new TOTP({ ...TOTP_DEFAULTS, issuer, label, secret });
  return { secret: secret.base32, keyUri: totp.toString() };
}

/** The current (or `timestamp`'s) TOTP code for a base32 secret. */
export function totpCode(base32Secret: string, timestamp: number = Date.now()): string {
  return totpFor(base32Secret).generate({ timestamp });
}

/** Whether `code` is valid for the secret within ±`window` periods (server side of the check). */
export function totpMatches(
  base32Secret: string,
  code: string,
  window = 1,
  timestamp: number = Date.now(),
): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(base32Secret).validate({ token: code, window, timestamp }) !== null;
}
