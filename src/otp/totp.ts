import { Secret, TOTP } from 'otpauth';

/** RFC 6238 parameters every target here uses: SHA-1, 6 digits, 30-second period. */
export const TOTP_DEFAULTS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** The current (or `timestamp`'s) TOTP code for a base32 secret. */
export function totpCode(base32Secret: string, timestamp: number = Date.now()): string {
  const totp = new TOTP({ ...TOTP_DEFAULTS, secret: Secret.fromBase32(base32Secret.replace(/\s+/g, '').toUpperCase()) });
  return totp.generate({ timestamp });
}

/** Whether `code` is valid for the secret within ±`window` periods (server side of the check). */
export function totpMatches(base32Secret: string, code: string, window = 1, timestamp: number = Date.now()): boolean {
  const totp = new TOTP({ ...TOTP_DEFAULTS, secret: Secret.fromBase32(base32Secret.toUpperCase()) });
  return totp.validate({ token: code, window, timestamp }) !== null;
}
