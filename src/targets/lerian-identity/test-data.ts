import { faker } from '@faker-js/faker';
import { RUN_PREFIX } from '../../flow/run-id.ts';

/** A value the run makes up, and whether it is a secret. */
export interface LerianDataValue {
  readonly value: string;
  readonly secret?: boolean;
}

/** Letters only, at least three of them (the Console's rule for first and last names). */
function name(raw: string, fallback: string): string {
  const letters = raw.replace(/[^A-Za-z]/g, '');
  return letters.length >= 3 ? letters : `${letters}${fallback}`;
}

/** 12+ characters with upper and lower case, a digit and a special character, with margin. */
function strongPassword(): string {
  return `${faker.internet.password({ length: 16, memorable: false, pattern: /[A-Za-z0-9]/ })}aZ7!`;
}

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
    userPassword: { value: strongPassword(), secret: true },
  };
}
