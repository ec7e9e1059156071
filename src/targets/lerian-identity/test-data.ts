// The English locale alone: the package's default entry loads every locale (~200 ms more per process).
import { faker } from '@faker-js/faker/locale/en';
import { RUN_PREFIX } from '../../flow/run/run-id.ts';
import { DIGITS, LOWER, UPPER, generatePassword, type PasswordRecipe } from '../policy-password.ts';

/** A value the run makes up, and whether it is a secret. */
export interface LerianDataValue {
  readonly value: string;
  readonly secret?: boolean;
}

/** Letters only, 3–32 of them (the Console's rule for first and last names is 3–255). */
function name(raw: string, fallback: string): string {
  const letters = raw.replace(/[^A-Za-z]/g, '').slice(0, 32);
  return letters.length >= 3 ? letters : `${letters}${fallback}`;
}

/** The special characters Casdoor's `SpecialChar` password option counts (`[!@#$%^&*]`). */
const CASDOOR_SPECIALS = '!@#$%^&*';

/**
 * A password every stated rule accepts by construction: 12+ characters (16; IDE-0020 and the
 * Console), upper and lower case and a digit (`Aa123`), a special character (`SpecialChar`), and
 * no character equal to the one before it (`NoRepeat`): every character differs.
 */
export const STRONG_PASSWORD: PasswordRecipe = {
  length: 16,
  alphabets: [UPPER, LOWER, DIGITS, CASDOOR_SPECIALS],
};

/** The run's test user, tagged with the run id so it never collides and can be recognised later. */
export function lerianTestData(runId: string): Record<string, LerianDataValue> {
  const firstName = name(faker.person.firstName(), 'son');
  const lastName = name(faker.person.lastName(), 'son');
  return {
    runId: { value: runId },
    firstName: { value: firstName },
    lastName: { value: lastName },
    username: { value: `${RUN_PREFIX}-${runId}-${firstName.toLowerCase()}` },
    email: { value: `${firstName.toLowerCase()}.${lastName.toLowerCase()}+${runId}@example.com` },
    userPassword: { value: generatePassword(STRONG_PASSWORD), secret: true },
  };
}
