import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { withContentType, withJsonBody } from '../../../flow/probe/probe-request.ts';
import { replaced } from '../../../flow/step/computed-value.ts';
import { readPasswordState, setUserPassword } from '../steps/index.ts';
import { PASSWORD_415_REASON, invalidData, unsupportedMediaType } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { authProbes, roleSuffices, unknownEnvironment, unknownUser, USER_ROLES } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

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
