import { randomFillSync, randomInt } from 'node:crypto';

const bytes = new Uint8Array(1024);
let nextByte = bytes.length;

/**
 * An integer in `[0, max)` from the CSPRNG, since the password is a secret: `crypto.randomInt`
 * served from a buffer of random bytes (one system call per 1 KiB rather than per character).
 * Bytes at or above the largest multiple of `max` are skipped, so every value stays equally likely.
 */
function secureRandomInt(max: number): number {
  if (max > 256) return randomInt(max);
  const limit = 256 - (256 % max);
  for (;;) {
    if (nextByte === bytes.length) {
      randomFillSync(bytes);
      nextByte = 0;
    }
    const byte = bytes[nextByte++] as number;
    if (byte < limit) return byte % max;
  }
}

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';

/** What a generated password is made of. */
export interface PasswordRecipe {
  readonly length: number;
  /** At least one character of each; the rest come from their union. */
  readonly alphabets: readonly string[];
}

const pools = new WeakMap<PasswordRecipe, readonly string[]>();

function poolOf(recipe: PasswordRecipe): readonly string[] {
  let pool = pools.get(recipe);
  if (!pool) {
    pool = [...new Set(recipe.alphabets.join(''))];
    if (recipe.length < recipe.alphabets.length || recipe.length > pool.length)
      throw new RangeError(
        `a password of ${recipe.length} distinct characters cannot be drawn from this recipe`,
      );
    pools.set(recipe, pool);
  }
  return pool;
}

/**
 * A password of `length` pairwise distinct characters holding at least one of each alphabet.
 * Distinct characters meet every repetition rule whatever its reading (no character twice in a
 * row, none more than N times in all, at least N unique ones), so the vendors' policies hold by
 * construction rather than by luck; the alphabets give the character-class rules. Drawn
 * uniformly among all such passwords: a random arrangement of distinct characters, drawn again
 * in the rare case it lacks an alphabet.
 */
export function generatePassword(recipe: PasswordRecipe): string {
  const pool = [...poolOf(recipe)];
  for (;;) {
    // The first `length` places of a partial Fisher–Yates shuffle: distinct, in random order.
    for (let i = 0; i < recipe.length; i++) {
      const j = i + secureRandomInt(pool.length - i);
      [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
    }
    const password = pool.slice(0, recipe.length).join('');
    if (recipe.alphabets.every((alphabet) => [...password].some((char) => alphabet.includes(char))))
      return password;
  }
}
