import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe/probe-request.ts';
import { createUser, readUser } from '../steps/index.ts';
import { INSUFFICIENT_PERMISSIONS, invalidData } from './answers.ts';
import { BULLETS } from './bullets.ts';
import {
  UNKNOWN_ID,
  authProbes,
  roleSuffices,
  unknownEnvironment,
  unknownUser,
  USER_ROLES,
} from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

const user = { stepId: createUser.id, from: createUser } as const;

/**
 * Step 5: an unknown environment, population or user, a user without a username, and an environment without a
 * role.
 */
export const userProbes: readonly ProbeDefinition[] = [
  ...authProbes(user),
  unknownEnvironment(user),
  deriveProbe({
    ...user,
    slug: 'unknown-population',
    bullet: BULLETS.population,
    provoked: `population.id ${UNKNOWN_ID}, a population that does not exist`,
    changes: [
      withJsonBody({
        email: '{{email}}',
        population: { id: UNKNOWN_ID },
        username: '{{sharedUsername}}-probe',
      }),
    ],
    answer: invalidData('INVALID_VALUE', 'population.id'),
  }),
  deriveProbe({
    ...user,
    slug: 'missing-username',
    bullet: BULLETS.requestModel('username is required'),
    provoked: 'the body without username',
    changes: [withJsonBody({ email: '{{email}}', population: { id: '{{sharedPopID}}' } })],
    answer: invalidData('REQUIRED_VALUE', 'username'),
  }),
  unknownUser({ stepId: createUser.id, from: readUser }),
  roleSuffices({ stepId: createUser.id, from: readUser, roles: USER_ROLES }),
  deriveProbe({
    ...user,
    slug: 'env-without-role',
    bullet: BULLETS.envID,
    provoked:
      "the call into the run's environment by an actor whose roles are scoped to other environments only",
    answer: INSUFFICIENT_PERMISSIONS,
    skip:
      'needs an actor whose role assignments are ENVIRONMENT-scoped to other environments; the configured actors hold ' +
      "ORGANIZATION-scoped roles (the emulator seeds no other), so each has a role in the run's new environment",
  }),
];
