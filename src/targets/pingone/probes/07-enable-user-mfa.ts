import { cited, equals } from '../../../flow/step/checks.ts';
import { DOCS } from '../sources.ts';
import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe/probe-request.ts';
import { enableUserMfa } from '../steps/index.ts';
import { VALIDATION_DETAIL_REASON, invalidData } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { authProbes, roleSuffices, unknownEnvironment, unknownUser, USER_ROLES } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

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
