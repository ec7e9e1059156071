import { Secret } from 'otpauth';
import { TOTP_DEFAULTS, totpMatches } from '../../../otp/totp.ts';

/** The organization display name Casdoor uses as the otpauth issuer. */
const ISSUER = 'Lerian';

/** A fresh 160-bit TOTP secret, base32 without padding (32 characters), as Casdoor makes them. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32.replace(/=+$/, '');
}

/** The otpauth URL for authenticator apps, in the parameter order pquerna/otp writes. */
export function otpauthUrl(username: string, secret: string): string {
  const label = `${encodeURIComponent(ISSUER)}:${encodeURIComponent(username)}`;
  const query = new URLSearchParams({
    algorithm: TOTP_DEFAULTS.algorithm,
    digits: String(TOTP_DEFAULTS.digits),
    issuer: ISSUER,
    period: String(TOTP_DEFAULTS.period),
    secret,
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** Whether `passcode` is the current RFC 6238 code (±1 step of 30 s) for `secret`. */
export function passcodeMatches(secret: string, passcode: string): boolean {
  return /^\d{6}$/.test(passcode) && totpMatches(secret, passcode, 1);
}
