import { faker } from '@faker-js/faker';
import { describe, expect, test } from 'vitest';
import { newRunId } from '../../src/flow/run/run-id.ts';
import { lerianTestData } from '../../src/targets/lerian-identity/test-data.ts';

/**
 * The run's made-up Lerian user obeys every rule Lerian's material states, for every draw. The
 * checker is written from those sources, independently of the generator and the emulator:
 * - the server: IDE-0020 "The password must be at least 12 characters long.";
 * - the Casdoor organization Lerian seeds (`init_data.json` of plugin-access-manager): password
 *   options `AtLeast6, Aa123, SpecialChar, NoRepeat`, which Casdoor's
 *   `object/check_password_complexity.go` defines as: at least 6 characters; "at least one
 *   uppercase letter, one lowercase letter and one digit"; a special character matching
 *   `[!@#$%^&*]`; "The password must not contain any repeated characters" (no character equal
 *   to the one before it);
 * - the Lerian Console's form rules (midaz `components/console/src/schema/user.ts`): first and
 *   last name 3–255, username 3–255 matching `^[a-zA-Z0-9_\-]+$`, email at most 255, password
 *   12–255 with an upper-case letter, a lower-case letter, a digit and a special character.
 */
const SAMPLE = 100_000;

function passwordViolations(password: string): string[] {
  const broken: string[] = [];
  if (password.length < 12 || password.length > 255) broken.push('length 12..255');
  if (!/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/\d/.test(password)) broken.push('Aa123');
  if (!/[!@#$%^&*]/.test(password)) broken.push('SpecialChar');
  for (let i = 1; i < password.length; i++) {
    if (password[i] === password[i - 1]) {
      broken.push('NoRepeat');
      break;
    }
  }
  return broken;
}

function profileViolations(data: {
  firstName: string;
  lastName: string;
  username: string;
  email: string;
}): string[] {
  const broken: string[] = [];
  for (const field of ['firstName', 'lastName'] as const)
    if (data[field].length < 3 || data[field].length > 255) broken.push(`${field} length 3..255`);
  if (data.username.length < 3 || data.username.length > 255 || !/^[a-zA-Z0-9_-]+$/.test(data.username))
    broken.push('username');
  if (data.email.length > 255 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(data.email)) broken.push('email');
  return broken;
}

describe(`Lerian test data over ${SAMPLE.toLocaleString('en')} draws`, () => {
  // A generous limit, not a speed claim: 100,000 draws take seconds, more on a shared machine.
  test(
    'every password meets the seeded organization and Console rules, every profile field its rule',
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
        const data = lerianTestData(runId);
        const value = (name: string) => data[name]?.value ?? '';
        const password = value('userPassword');
        if (data.userPassword?.secret !== true) note('the password is not marked secret', '');
        passwords.add(password);
        for (const rule of passwordViolations(password)) note(`password ${rule}`, password);
        const profile = {
          firstName: value('firstName'),
          lastName: value('lastName'),
          username: value('username'),
          email: value('email'),
        };
        for (const rule of profileViolations(profile)) note(rule, JSON.stringify(profile));
      }
      expect(Object.fromEntries(failures)).toEqual({});
      expect(passwords.size).toBe(SAMPLE);
    },
  );

  test('the checker is not vacuous', () => {
    expect(passwordViolations('Abcdefgh1!xy')).toEqual([]);
    expect(passwordViolations('Abcdefg1!xy')).toEqual(['length 12..255']);
    expect(passwordViolations('abcdefgh1!xy')).toEqual(['Aa123']);
    expect(passwordViolations('Abcdefgh1~xy')).toEqual(['SpecialChar']);
    expect(passwordViolations('Abcdeefg1!xy')).toEqual(['NoRepeat']);
    expect(
      profileViolations({ firstName: 'Al', lastName: 'Doe', username: 'idflow.x', email: 'a@b' }),
    ).toEqual(['firstName length 3..255', 'username', 'email']);
  });
});
