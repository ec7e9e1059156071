import { randomInt } from 'node:crypto';

/** As many codes as Lerian's own setup example shows. */
export const RECOVERY_CODE_COUNT = 3;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 10;

/** Fresh one-time recovery codes: ten lower-case letters and digits each, like the docs' example. */
export function newRecoveryCodes(count: number = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
}
