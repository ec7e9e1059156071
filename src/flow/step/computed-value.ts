import { totpCode } from '../../otp/totp.ts';
import type { VariableLookup } from './template.ts';

/**
 * A value computed from run variables just before the request that uses it is sent: the current
 * TOTP code of a device, or, for a probe, a tampered token or a wrong code. Kinds are named so a
 * report (or the README table) can say how a value was made without running code.
 */
export type ComputedValue =
  /** The current RFC 6238 code for the base32 secret held in `secretFrom`. */
  | { readonly kind: 'totp'; readonly variable: string; readonly secretFrom: string }
  /** `from` (a JWT) with one character of its signature changed: well formed, wrongly signed. */
  | { readonly kind: 'tamperedSignature'; readonly variable: string; readonly from: string }
  /** A 6-digit code that is not the current TOTP code of `secretFrom` (nor a neighbour's). */
  | { readonly kind: 'wrongTotp'; readonly variable: string; readonly secretFrom: string }
  /** `from` with `pattern` replaced: `apiPath` without its `/v1`; `secret` when `from` is one. */
  | {
      readonly kind: 'replaced';
      readonly variable: string;
      readonly from: string;
      readonly pattern: RegExp;
      readonly replacement: string;
      readonly secret?: boolean;
    };

/** The current TOTP code for the secret held in `secretFrom`. */
export function totpFrom(secretFrom: string, variable: string): ComputedValue {
  return { kind: 'totp', variable, secretFrom };
}

/** A JWT whose signature no longer matches (the middle of the signature, where every bit counts). */
export function tamperedSignature(from: string, variable: string): ComputedValue {
  return { kind: 'tamperedSignature', variable, from };
}

/** A wrong one-time code for the TOTP secret held in `secretFrom`. */
export function wrongTotp(secretFrom: string, variable: string): ComputedValue {
  return { kind: 'wrongTotp', variable, secretFrom };
}

/** `from` rewritten by a regular expression; a value made from a secret is one (`secret: true`). */
export function replaced(
  from: string,
  pattern: RegExp,
  replacement: string,
  variable: string,
  options: { secret?: boolean } = {},
): ComputedValue {
  return {
    kind: 'replaced',
    variable,
    from,
    pattern,
    replacement,
    ...(options.secret ? { secret: true } : {}),
  };
}

/** The run variable a value is computed from. */
export function computedValueInput(value: ComputedValue): string {
  return value.kind === 'totp' || value.kind === 'wrongTotp' ? value.secretFrom : value.from;
}

function text(lookup: VariableLookup, name: string): string {
  const value = lookup(name);
  if (typeof value !== 'string') throw new Error(`Run variable ${name} is not a string`);
  return value;
}

function tamper(token: string): string {
  const parts = token.split('.');
  const signature = parts[2];
  if (parts.length !== 3 || !signature) throw new Error('the token is not a JWS compact serialization');
  const at = Math.floor(signature.length / 2);
  const changed = signature[at] === 'A' ? 'B' : 'A';
  return [parts[0], parts[1], `${signature.slice(0, at)}${changed}${signature.slice(at + 1)}`].join('.');
}

/** A code that differs from the current, previous and next period's codes. */
function wrongCode(secret: string, now: number): string {
  const valid = new Set([-30_000, 0, 30_000].map((offset) => totpCode(secret, now + offset)));
  let candidate = (Number(totpCode(secret, now)) + 500_000) % 1_000_000;
  while (valid.has(String(candidate).padStart(6, '0'))) candidate = (candidate + 1) % 1_000_000;
  return String(candidate).padStart(6, '0');
}

/** Computes a value; tokens and codes are secrets (a wrong code reveals the right one). */
export function computeValue(
  value: ComputedValue,
  lookup: VariableLookup,
  now: number = Date.now(),
): { value: string; secret: boolean } {
  switch (value.kind) {
    case 'totp':
      return { value: totpCode(text(lookup, value.secretFrom), now), secret: true };
    case 'tamperedSignature':
      return { value: tamper(text(lookup, value.from)), secret: true };
    case 'wrongTotp':
      return { value: wrongCode(text(lookup, value.secretFrom), now), secret: true };
    case 'replaced':
      return {
        value: text(lookup, value.from).replace(value.pattern, value.replacement),
        secret: value.secret ?? false,
      };
  }
}
