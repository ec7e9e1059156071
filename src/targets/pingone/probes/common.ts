import { ROLES } from '../conventions.ts';
import { deriveProbe, type ProbeAnswer, type ProbeSpec } from '../../../flow/probe/probe-derive.ts';
import { renameVariable, replaceVariable, withAuth } from '../../../flow/probe/probe-request.ts';
import { replaced, tamperedSignature } from '../../../flow/step/computed-value.ts';
import { getExpiringToken, identityDataAdminActor } from '../actors.ts';
import {
  INSUFFICIENT_PERMISSIONS,
  INVALID_TOKEN,
  NOT_FOUND,
  NO_SUCH_PATH,
  UNKNOWN_ENVIRONMENT,
  allowed,
} from './answers.ts';
import { BULLETS } from './bullets.ts';
import type { ExpiredTokenSource, ProbeDefinition } from '../../../flow/probe/probe.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';

/** A well-formed id that names nothing in any tenant. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** How long an expired-token probe may wait for a token to expire; longer lifetimes are a named skip. */
export const MAX_EXPIRY_WAIT_SECONDS = 30;

/** The expired-token probes' own token, waited out once per run when it lives briefly. */
export const expiringToken: ExpiredTokenSource = {
  tokenStep: getExpiringToken,
  tokenVariable: 'expiringAccessToken',
  expiresInVariable: 'expiringAccessTokenExpiresIn',
  check: {
    method: 'GET',
    url: '{{apiPath}}/organizations',
    auth: { type: 'bearer', token: '{{expiringAccessToken}}' },
  },
  maxWaitSeconds: MAX_EXPIRY_WAIT_SECONDS,
};

type Shared = Pick<ProbeSpec, 'stepId' | 'from'>;

/**
 * The bearer, expiry and apiPath bullets every management call shares: no Authorization, a
 * Basic one, a token that is not a JWT, one with a tampered signature, one that expired, and
 * `{{apiPath}}` without its `/v1`. Derived from the step's own request, so the call is exactly
 * the documented one with one thing wrong.
 */
export function authProbes(shared: Shared): ProbeDefinition[] {
  const probe = (spec: Omit<ProbeSpec, keyof Shared>): ProbeDefinition => deriveProbe({ ...shared, ...spec });
  return [
    probe({
      slug: 'missing-bearer',
      bullet: BULLETS.bearer,
      provoked: 'the request without an Authorization header',
      changes: [withAuth({ type: 'none' })],
      answer: INVALID_TOKEN,
    }),
    probe({
      slug: 'basic-scheme',
      bullet: BULLETS.bearer,
      provoked: "Authorization: Basic with the worker app's client id and secret instead of Bearer",
      changes: [withAuth({ type: 'basic', username: '{{adminAppID}}', password: '{{adminAppSecret}}' })],
      answer: INVALID_TOKEN,
    }),
    probe({
      slug: 'malformed-token',
      bullet: BULLETS.expired,
      provoked: 'Authorization: Bearer not-a-jwt',
      changes: [withAuth({ type: 'bearer', token: 'not-a-jwt' })],
      answer: INVALID_TOKEN,
    }),
    probe({
      slug: 'tampered-signature',
      bullet: BULLETS.expired,
      provoked: "the run's token with one character of its signature changed",
      changes: [renameVariable('accessToken', 'tamperedAccessToken')],
      values: [tamperedSignature('accessToken', 'tamperedAccessToken')],
      answer: INVALID_TOKEN,
    }),
    probe({
      slug: 'expired-token',
      bullet: BULLETS.expired,
      provoked:
        `a token of its own, waited out (only when expires_in ≤ ${MAX_EXPIRY_WAIT_SECONDS} s; ` +
        `otherwise a named skip)`,
      changes: [renameVariable('accessToken', 'expiringAccessToken')],
      expiredToken: expiringToken,
      answer: INVALID_TOKEN,
    }),
    probe({
      slug: 'without-v1',
      bullet: BULLETS.apiPath,
      provoked: '{{apiPath}} without its /v1 (the newer pages write {{apiPath}}/v1/…)',
      changes: [renameVariable('apiPath', 'apiPathWithoutVersion')],
      values: [replaced('apiPath', /\/v1\/?$/, '', 'apiPathWithoutVersion')],
      answer: NO_SUCH_PATH,
    }),
  ];
}

/** An unknown id in place of `{{variable}}`: 404 NOT_FOUND. */
export function unknownId(
  shared: Shared & { slug: string; bullet: string; variable: string; answer?: ProbeAnswer },
): ProbeDefinition {
  return deriveProbe({
    stepId: shared.stepId,
    from: shared.from,
    slug: shared.slug,
    bullet: shared.bullet,
    provoked: `{{${shared.variable}}} replaced by an id that names nothing (${UNKNOWN_ID})`,
    changes: [replaceVariable(shared.variable, UNKNOWN_ID)],
    answer: shared.answer ?? NOT_FOUND,
  });
}

/** `{{envID}}` of an environment that does not exist: 404, or the 403 the OAS allows. */
export function unknownEnvironment(shared: Shared): ProbeDefinition {
  return unknownId({
    ...shared,
    slug: 'unknown-env',
    bullet: BULLETS.envID,
    variable: 'envID',
    answer: UNKNOWN_ENVIRONMENT,
  });
}

/** `{{sharedUserID}}` of a user that does not exist. */
export function unknownUser(shared: Shared): ProbeDefinition {
  return unknownId({
    ...shared,
    slug: 'unknown-user',
    bullet: BULLETS.sharedUserID,
    variable: 'sharedUserID',
  });
}

/** The Identity Data Admin actor calls a step that needs a role it does not hold: 403. */
export function roleRefused(shared: Shared & { roles: readonly string[] }): ProbeDefinition {
  return deriveProbe({
    stepId: shared.stepId,
    from: shared.from,
    slug: 'identity-data-admin-refused',
    bullet: BULLETS.role(shared.roles),
    provoked:
      `the call with a token of the worker app holding only Identity Data Admin (needs ` +
      `${shared.roles.join(' or ')})`,
    changes: [renameVariable('accessToken', 'identityAdminToken')],
    actor: identityDataAdminActor,
    answer: INSUFFICIENT_PERMISSIONS,
  });
}

/** The docs name Identity Data Admin as enough for this step: its actor is served as the admin is. */
export function roleSuffices(
  shared: Shared & { roles: readonly string[]; checks?: StepDefinition['checks'] },
): ProbeDefinition {
  return deriveProbe({
    stepId: shared.stepId,
    from: shared.from,
    slug: 'identity-data-admin-allowed',
    bullet: BULLETS.role(shared.roles),
    provoked:
      `${shared.from.request.method} ${shared.from.id} with a token of the worker app holding ` +
      `only Identity Data Admin`,
    changes: [renameVariable('accessToken', 'identityAdminToken')],
    actor: identityDataAdminActor,
    answer: allowed(shared.from.expect, shared.checks ?? []),
  });
}

/** The roles that may manage users and their MFA state (and devices): either suffices. */
export const USER_ROLES = [ROLES.environmentAdmin, 'Identity Admin'];
/** The same roles, for devices. */
export const DEVICE_ROLES = USER_ROLES;
