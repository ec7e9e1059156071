import { totpCode } from '../otp/totp.ts';

/**
 * A value computed from other run variables just before a request is sent, such as the
 * current TOTP code for a device secret. Kinds are named so a report can describe them.
 */
export type Derivation = { readonly kind: 'totp'; readonly variable: string; readonly secretFrom: string };

/** The current RFC 6238 code for the base32 secret held in `secretFrom`. */
export function totpFrom(secretFrom: string, variable: string): Derivation {
  return { kind: 'totp', variable, secretFrom };
}

export function derivationInputs(derivation: Derivation): string[] {
  return [derivation.secretFrom];
}

/** Computes a derivation's value; derived values are secrets (OTPs) when `secret` says so. */
export function deriveValue(
  derivation: Derivation,
  lookup: (name: string) => unknown,
): { value: string; secret: boolean } {
  const secret = lookup(derivation.secretFrom);
  if (typeof secret !== 'string') throw new Error(`${derivation.secretFrom} is not a string`);
  return { value: totpCode(secret), secret: true };
}
