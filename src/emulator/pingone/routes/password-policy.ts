import { createHash } from 'node:crypto';
import { timestamp } from '../tenant/clock.ts';
import type { UserRecord } from '../tenant/model.ts';
import type { P1ErrorDetail } from '../wire/p1-error.ts';

/**
 * The "Standard" password policy every new PingOne environment has, with the values of the docs'
 * link-expansion example (foundations, "API requests"): 8–255 characters, at least one upper-case
 * letter, lower-case letter, digit and special character of `minCharacters`' special key, no
 * more than two equal characters in a row (`maxRepeatedCharacters: 2`), five unique characters
 * (`minUniqueCharacters: 5`), not the username or email, not one of the last six passwords.
 */
export const STANDARD_POLICY = {
  minLength: 8,
  maxLength: 255,
  specials: '~!@#$%^&*()-_=+[]{}|;:,.<>/?',
  maxRepeated: 2,
  minUnique: 5,
  historyCount: 6,
} as const;

const HASHED_PREFIX = /^(\{(SSHA512|SSHA256|SSHA|SHA|SHA256|SHA512|PBKDF2|MD5|SMD5)\}|\$2[aby]?\$)/i;

/** Import accepts pre-hashed passwords, which cannot be checked against the policy. */
export function isHashedPassword(value: string): boolean {
  return HASHED_PREFIX.test(value);
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Every way `value` breaks the policy for `user`, as P1Error details targeting `target`. */
export function passwordViolations(
  value: string,
  user: Pick<UserRecord, 'username' | 'email' | 'password'>,
  target: string,
): P1ErrorDetail[] {
  const problems: string[] = [];
  const { minLength, maxLength, specials, maxRepeated, minUnique, historyCount } = STANDARD_POLICY;
  if (value.length < minLength || value.length > maxLength) {
    problems.push(`must be between ${minLength} and ${maxLength} characters long`);
  }
  if (!/[A-Z]/.test(value)) problems.push('must contain at least one upper-case letter');
  if (!/[a-z]/.test(value)) problems.push('must contain at least one lower-case letter');
  if (!/[0-9]/.test(value)) problems.push('must contain at least one digit');
  if (![...value].some((char) => specials.includes(char)))
    problems.push(`must contain at least one special character (${specials})`);
  if (new RegExp(`(.)\\1{${maxRepeated}}`).test(value)) {
    problems.push(`must not repeat a character more than ${maxRepeated} times in a row`);
  }
  if (new Set(value).size < minUnique) problems.push(`must contain at least ${minUnique} unique characters`);
  const lower = value.toLowerCase();
  if (
    (user.username !== '' && lower.includes(user.username.toLowerCase())) ||
    lower === user.email.toLowerCase()
  ) {
    problems.push('must not contain the username or be the email address');
  }
  if (user.password.history.slice(0, historyCount).includes(digest(value))) {
    problems.push(`must differ from the last ${historyCount} passwords`);
  }
  return problems.map((problem) => ({
    code: 'INVALID_VALUE',
    target,
    message: `The password ${problem}.`,
    ...(problem.startsWith('must be between')
      ? { innerError: { rangeMinimumValue: minLength, rangeMaximumValue: maxLength } }
      : {}),
  }));
}

/** Stores a new password state (never the password itself: only a digest for the history rule). */
export function setPassword(user: UserRecord, value: string, forceChange: boolean): void {
  const at = timestamp();
  user.password = {
    status: forceChange ? 'MUST_CHANGE_PASSWORD' : 'OK',
    lastChangedAt: at,
    history: [digest(value), ...user.password.history].slice(0, STANDARD_POLICY.historyCount),
  };
  user.updatedAt = at;
}
