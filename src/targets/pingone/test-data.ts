import { faker } from '@faker-js/faker';
import { RUN_PREFIX } from '../../flow/run-id.ts';

/** A value the run makes up, and whether it is a secret. */
export interface DataValue {
  readonly value: string;
  readonly secret?: boolean;
}

/** A password that meets PingOne's default "Standard" policy (length, classes) with margin. */
function strongPassword(): string {
  const body = faker.internet.password({ length: 18, memorable: false, pattern: /[A-Za-z0-9]/ });
  return `${body}aZ7!`;
}

/**
 * The flow's fresh values, all tagged with the run id so a run never collides with another and
 * everything it creates can be recognised (and swept) later.
 */
export function pingOneTestData(runId: string): Record<string, DataValue> {
  const tag = `${RUN_PREFIX}-${runId}`;
  const first = faker.person.firstName().toLowerCase().replace(/[^a-z]/g, '') || 'test';
  const last = faker.person.lastName().toLowerCase().replace(/[^a-z]/g, '') || 'user';
  return {
    runId: { value: runId },
    envName: { value: tag },
    envDescription: { value: `Created by ${RUN_PREFIX} run ${runId}; safe to delete.` },
    populationName: { value: `${tag}-population` },
    populationDescription: { value: `Population for ${RUN_PREFIX} test users (run ${runId})` },
    sharedUsername: { value: `${tag}-${first}.${last}` },
    email: { value: `${first}.${last}+${runId}@example.com` },
    userPassword: { value: strongPassword(), secret: true },
  };
}
