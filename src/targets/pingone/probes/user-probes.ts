import { cited, equals } from '../../../flow/checks.ts';
import { DOCS } from '../sources.ts';
import { deriveProbe } from '../../../flow/probe-derive.ts';
import { withContentType, withJsonBody } from '../../../flow/probe-request.ts';
import { replaced } from '../../../flow/computed-value.ts';
import { ROLES } from '../conventions.ts';
import { createUser, enableUserMfa, readPasswordState, readUser, setUserPassword } from '../steps/index.ts';
import {
  INSUFFICIENT_PERMISSIONS,
  PASSWORD_415_REASON,
  VALIDATION_DETAIL_REASON,
  invalidData,
  unsupportedMediaType,
} from './answers.ts';
import { BULLETS } from './bullets.ts';
import { UNKNOWN_ID, authProbes, roleSuffices, unknownEnvironment, unknownUser } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe.ts';

const USER_ROLES = [ROLES.environmentAdmin, 'Identity Admin'];
const user = { stepId: createUser.id, from: createUser } as const;

/** Step 5: an unknown environment, population or user, a user without a username, and an environment without a role. */
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

const password = { stepId: setUserPassword.id, from: setUserPassword } as const;

/** Step 6: the wrong media type, bodies outside the model, an unknown user or environment. */
export const passwordProbes: readonly ProbeDefinition[] = [
  ...authProbes(password),
  unknownEnvironment(password),
  unknownUser(password),
  deriveProbe({
    ...password,
    slug: 'json-media-type',
    bullet: BULLETS.mediaType('application/vnd.pingidentity.password.set+json'),
    provoked: 'the documented body sent as application/json',
    changes: [withContentType('application/json')],
    answer: unsupportedMediaType(PASSWORD_415_REASON),
  }),
  deriveProbe({
    ...password,
    slug: 'missing-value',
    bullet: BULLETS.requestModel('value is required'),
    provoked: 'the body without value',
    changes: [withJsonBody({ forceChange: false })],
    answer: invalidData('REQUIRED_VALUE', 'value'),
  }),
  deriveProbe({
    ...password,
    slug: 'weak-password',
    bullet: BULLETS.requestModel('value meets the password policy'),
    provoked:
      "the run's password with its digits and special characters removed, which breaks the Standard policy",
    changes: [withJsonBody({ value: '{{weakPassword}}', forceChange: false })],
    // Made from a secret, so it is one: evidence and reports show it redacted.
    values: [replaced('userPassword', /[^A-Za-z]/g, '', 'weakPassword', { secret: true })],
    answer: invalidData('INVALID_VALUE', 'value'),
  }),
  roleSuffices({ stepId: setUserPassword.id, from: readPasswordState, roles: USER_ROLES }),
];

const mfa = { stepId: enableUserMfa.id, from: enableUserMfa } as const;

/** Step 7: `mfaEnabled` of the wrong type or missing, an unknown user or environment. */
export const mfaEnabledProbes: readonly ProbeDefinition[] = [
  ...authProbes(mfa),
  unknownEnvironment(mfa),
  unknownUser(mfa),
  deriveProbe({
    ...mfa,
    slug: 'mfa-enabled-not-boolean',
    bullet: BULLETS.requestModel('mfaEnabled is a boolean'),
    provoked: 'mfaEnabled "yes"',
    changes: [withJsonBody({ mfaEnabled: 'yes' })],
    answer: invalidData('INVALID_VALUE', 'mfaEnabled', VALIDATION_DETAIL_REASON),
  }),
  deriveProbe({
    ...mfa,
    slug: 'missing-mfa-enabled',
    bullet: BULLETS.requestModel('mfaEnabled is required'),
    provoked: 'an empty body {}',
    changes: [withJsonBody({})],
    answer: invalidData('REQUIRED_VALUE', 'mfaEnabled', VALIDATION_DETAIL_REASON),
  }),
  roleSuffices({
    ...mfa,
    roles: USER_ROLES,
    checks: cited(DOCS.mfaEnabledField, equals('/mfaEnabled', true)),
  }),
];
