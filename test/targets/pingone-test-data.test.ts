import { faker } from '@faker-js/faker';
import { describe, expect, test } from 'vitest';
import { newRunId } from '../../src/flow/run/run-id.ts';
import { pingOneTestData } from '../../src/targets/pingone/test-data.ts';

/**
 * The run's made-up user obeys what PingOne documents, for every draw and not just a lucky one.
 * The checker below is written from the docs, independently of the generator and the emulator.
 *
 * A new environment's password policy is "Standard" (getting started, Task 2). Its values, from
 * https://developer.pingidentity.com/pingone-api/foundations/conventions/pingone-api-requests.html#link-expansion
 * (the `_embedded.passwordPolicy` of `GET …/password?expand=passwordPolicy`):
 *   "name": "Standard", "excludesProfileData": true, "notSimilarToCurrent": true,
 *   "excludesCommonlyUsed": true, "maxRepeatedCharacters": 2, "minUniqueCharacters": 5,
 *   "length": {"min": 8, "max": 255}, "minCharacters": {"1234567890": 1,
 *   "abcdefghijklmnopqrstuvwxyz": 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ": 1, "~!@#$%^&*()-_=+[]{}|;:,.<>/?": 1}
 * and the Management OpenAPI's `PasswordPolicy` says what each means:
 *   minCharacters: "the value is the minimum number of times one of the characters must appear";
 *   maxRepeatedCharacters: "The maximum number of repeated characters allowed." (read both ways
 *     below: in a row, and in the whole password);
 *   minUniqueCharacters: "The minimum number of unique characters required.";
 *   excludesProfileData: "the password is not an exact match for the value of any attribute in
 *     the user's profile".
 * `excludesCommonlyUsed` names an unpublished list: 100,000 draws without one repeat is the most
 * a test can show. `notSimilarToCurrent` and `history` concern later changes, not the first set.
 *
 * Users (Management OpenAPI `User`): username "can contain any letters, numbers, combining
 * characters, math and currency symbols, dingbats and drawing characters, and invisible
 * whitespace (regex `^[\p{L}\p{M}\p{Zs}\p{S}\p{N}\p{P}]*$`). It can have a length of no more than
 * 128 characters (min/max=1/128)"; email "must be provided and valid. For more information about
 * email address formatting, see section 3.4 of RFC 2822".
 */
const SAMPLE = 100_000;

const STANDARD = {
  length: { min: 8, max: 255 },
  minCharacters: [
    '1234567890',
    'abcdefghijklmnopqrstuvwxyz',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '~!@#$%^&*()-_=+[]{}|;:,.<>/?',
  ],
  maxRepeatedCharacters: 2,
  minUniqueCharacters: 5,
};

function longestRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = i > 0 && text[i] === text[i - 1] ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

function mostOfOneCharacter(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  return Math.max(...counts.values());
}

/** Every documented rule `password` breaks for a user with this username and email. */
function standardPolicyViolations(password: string, profile: { username: string; email: string }): string[] {
  const broken: string[] = [];
  if (password.length < STANDARD.length.min || password.length > STANDARD.length.max) broken.push('length');
  for (const set of STANDARD.minCharacters)
    if (![...password].some((char) => set.includes(char))) broken.push(`minCharacters ${set}`);
  if (longestRun(password) > STANDARD.maxRepeatedCharacters) broken.push('maxRepeatedCharacters (in a row)');
  if (mostOfOneCharacter(password) > STANDARD.maxRepeatedCharacters)
    broken.push('maxRepeatedCharacters (in all)');
  if (new Set(password).size < STANDARD.minUniqueCharacters) broken.push('minUniqueCharacters');
  if (password === profile.username || password === profile.email) broken.push('excludesProfileData');
  // Stricter than the doc, as the emulator is: the username does not even appear in it.
  if (password.toLowerCase().includes(profile.username.toLowerCase())) broken.push('contains the username');
  return broken;
}

const USERNAME = /^[\p{L}\p{M}\p{Zs}\p{S}\p{N}\p{P}]*$/u;
/** RFC 2822 §3.4 addr-spec in its dot-atom form (atext runs joined by single dots). */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = new RegExp(`^${ATOM}(\\.${ATOM})*$`);

function emailViolations(email: string): string[] {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const broken: string[] = [];
  if (at < 1 || !DOT_ATOM.test(local) || !DOT_ATOM.test(domain)) broken.push('not an RFC 2822 addr-spec');
  // RFC 5321 §4.5.3.1.1: a local part of at most 64 octets (what mail servers accept).
  if (local.length > 64) broken.push('local part over 64');
  return broken;
}

function usernameViolations(username: string): string[] {
  const broken: string[] = [];
  if (username.length < 1 || username.length > 128) broken.push('length 1..128');
  if (!USERNAME.test(username)) broken.push('pattern');
  return broken;
}

describe(`PingOne test data over ${SAMPLE.toLocaleString('en')} draws`, () => {
  // A generous limit, not a speed claim: 100,000 draws take seconds, more on a shared machine.
  test(
    'every password meets the Standard policy, every username and email its documented format',
    { timeout: 120_000 },
    () => {
      faker.seed(20_261_125);
      // The run id has one fixed shape; a fresh one per draw would only measure randomBytes.
      const runId = newRunId();
      const failures = new Map<string, { count: number; example: string }>();
      const passwords = new Set<string>();
      const note = (rule: string, example: string) => {
        const seen = failures.get(rule);
        failures.set(rule, { count: (seen?.count ?? 0) + 1, example: seen?.example ?? example });
      };
      for (let i = 0; i < SAMPLE; i++) {
        const data = pingOneTestData(runId);
        const username = data.sharedUsername?.value ?? '';
        const email = data.email?.value ?? '';
        const password = data.userPassword?.value ?? '';
        if (data.userPassword?.secret !== true) note('the password is not marked secret', '');
        passwords.add(password);
        for (const rule of standardPolicyViolations(password, { username, email })) note(rule, password);
        for (const rule of usernameViolations(username)) note(`username ${rule}`, username);
        for (const rule of emailViolations(email)) note(`email ${rule}`, email);
      }
      expect(Object.fromEntries(failures)).toEqual({});
      expect(passwords.size).toBe(SAMPLE);
    },
  );

  test('the checker is not vacuous: it refuses what the policy refuses', () => {
    const profile = { username: 'idflow-x-jane.doe', email: 'jane.doe@example.com' };
    expect(standardPolicyViolations('Abcdef1!xyz', profile)).toEqual([]);
    expect(standardPolicyViolations('Abc1!', profile)).toEqual(['length']);
    expect(standardPolicyViolations('abcdef1!xyz', profile)).toEqual([
      'minCharacters ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    ]);
    expect(standardPolicyViolations('Abcdef1€xyz', profile)).toEqual([
      'minCharacters ~!@#$%^&*()-_=+[]{}|;:,.<>/?',
    ]);
    expect(standardPolicyViolations('Abcccd1!xyz', profile)).toEqual([
      'maxRepeatedCharacters (in a row)',
      'maxRepeatedCharacters (in all)',
    ]);
    expect(standardPolicyViolations('Aaba1!a', profile)).toContain('maxRepeatedCharacters (in all)');
    expect(standardPolicyViolations('Aa1!Aa1!', profile)).toEqual(['minUniqueCharacters']);
    expect(standardPolicyViolations('X1!idflow-x-jane.doe', profile)).toEqual(['contains the username']);
    expect(usernameViolations('x'.repeat(129))).toEqual(['length 1..128']);
    expect(usernameViolations('tab\there')).toEqual(['pattern']);
    expect(emailViolations('jane..doe@example.com')).toEqual(['not an RFC 2822 addr-spec']);
    expect(emailViolations(`${'j'.repeat(65)}@example.com`)).toEqual(['local part over 64']);
  });
});
