// The English locale alone: the package's default entry loads every locale (~200 ms more per process).
import { faker } from '@faker-js/faker/locale/en';
import { RUN_PREFIX } from '../../flow/run/run-id.ts';
import { DIGITS, LOWER, UPPER, generatePassword, type PasswordRecipe } from '../policy-password.ts';

/** A value the run makes up, and whether it is a secret. */
export interface DataValue {
  readonly value: string;
  readonly secret?: boolean;
}

/**
 * The special characters of the "Standard" password policy every new environment has, as its
 * `minCharacters` key reads in the docs' link-expansion example (foundations, "API requests").
 */
const STANDARD_SPECIALS = '~!@#$%^&*()-_=+[]{}|;:,.<>/?';

/**
 * A password the Standard policy accepts by construction: 8–255 characters (20), one upper-case
 * letter, lower-case letter, digit and special character at least, `maxRepeatedCharacters: 2`
 * and `minUniqueCharacters: 5` (every character differs), and no profile value (upper case and
 * specials, where usernames and emails here are lower case and far longer).
 */
export const STANDARD_POLICY_PASSWORD: PasswordRecipe = {
  length: 20,
  alphabets: [UPPER, LOWER, DIGITS, STANDARD_SPECIALS],
};

/** A name part for usernames and email local parts: lower-case ASCII letters, 1–16 of them. */
function namePart(raw: string, fallback: string): string {
  return (
    raw
      .toLowerCase()
      .replace(/[^a-z]/g, '')
      .slice(0, 16) || fallback
  );
}

/**
 * The flow's fresh values, all tagged with the run id so a run never collides with another and
 * everything it creates can be recognised (and swept) later. Name parts are capped so the
 * username stays within the documented 128 characters and the email's local part within 64.
 */
export function pingOneTestData(runId: string): Record<string, DataValue> {
  const tag = `${RUN_PREFIX}-${runId}`;
  const first = namePart(faker.person.firstName(), 'test');
  const last = namePart(faker.person.lastName(), 'user');
  return {
    runId: { value: runId },
    envName: { value: tag },
    envDescription: { value: `Created by ${RUN_PREFIX} run ${runId}; safe to delete.` },
    populationName: { value: `${tag}-population` },
    populationDescription: { value: `Population for ${RUN_PREFIX} test users (run ${runId})` },
    sharedUsername: { value: `${tag}-${first}.${last}` },
    email: { value: `${first}.${last}+${runId}@example.com` },
    lockUsername: { value: `${tag}-lockout` },
    lockEmail: { value: `lockout+${runId}@example.com` },
    userPassword: { value: generatePassword(STANDARD_POLICY_PASSWORD), secret: true },
  };
}
