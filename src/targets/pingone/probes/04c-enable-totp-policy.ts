import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe/probe-request.ts';
import { ROLES } from '../conventions.ts';
import { TOTP_POLICY_BODY, createTotpPolicy, readTotpPolicy } from '../steps/04c-enable-totp-policy.ts';
import { VALIDATION_DETAIL_REASON, invalidData } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { authProbes, roleRefused, unknownEnvironment, unknownId } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

const policy = { stepId: createTotpPolicy.id, from: createTotpPolicy } as const;
const { totp: _totp, ...withoutTotp } = TOTP_POLICY_BODY;

/**
 * Steps 04c–04e: the policy calls with the shared bearer faults, an unknown environment or
 * policy, a body without a method the request model requires, and an actor without Environment Admin. A
 * tenant that wrongly accepts
 * the body creates a policy named `…-probe`, which enters the ledger from its `Location`.
 */
export const devicePolicyProbes: readonly ProbeDefinition[] = [
  ...authProbes(policy),
  unknownEnvironment(policy),
  unknownId({
    stepId: createTotpPolicy.id,
    from: readTotpPolicy,
    slug: 'unknown-policy',
    bullet: BULLETS.requestModel('the path names a device authentication policy of the environment'),
    variable: 'devicePolicyID',
  }),
  deriveProbe({
    ...policy,
    slug: 'missing-totp',
    bullet: BULLETS.requestModel('totp is required'),
    provoked: 'the body without totp',
    changes: [withJsonBody({ ...withoutTotp, name: `${TOTP_POLICY_BODY.name}-probe` })],
    answer: invalidData('REQUIRED_VALUE', 'totp', VALIDATION_DETAIL_REASON),
  }),
  // As for MFA settings (step 08), the policy pages name Environment Admin, not Identity Data Admin.
  roleRefused({ ...policy, roles: [ROLES.environmentAdmin] }),
];
