import { cited, equals } from '../../flow/step/checks.ts';
import { getAccessToken } from './steps/01-get-access-token.ts';
import type { PingOneConfig } from './config.ts';
import type { ProbeActor } from '../../flow/probe/probe.ts';
import type { StepDefinition } from '../../flow/step/step.ts';
import { DOCS } from './sources.ts';

/** Run variables of the optional actors, as `configVariables` fills them from PINGONE_*. */
export const ACTOR_VARIABLES = {
  identityDataAdmin: { id: 'identityAdminAppID', secret: 'identityAdminAppSecret' },
  noRole: { id: 'noRoleAppID', secret: 'noRoleAppSecret' },
} as const;

/** Step 1's token request for the worker app holding only Identity Data Admin. */
export const getIdentityAdminToken: StepDefinition = {
  ...getAccessToken,
  id: '01c-identity-admin-token',
  title: 'Get a token for the Identity Data Admin actor',
  request: {
    ...getAccessToken.request,
    auth: {
      type: 'basic',
      username: `{{${ACTOR_VARIABLES.identityDataAdmin.id}}}`,
      password: `{{${ACTOR_VARIABLES.identityDataAdmin.secret}}}`,
    },
  },
  checks: cited(DOCS.token, equals('/token_type', 'Bearer')),
  captures: [{ variable: 'identityAdminToken', pointer: '/access_token', secret: true }],
};

/**
 * A second admin token that nothing else uses, for the expired-token probes: it is waited out
 * when the tenant's tokens are short-lived, so the run's own token is never made to expire.
 */
export const getExpiringToken: StepDefinition = {
  ...getAccessToken,
  id: '01d-expiring-token',
  title: 'Get a token of its own for the expired-token probes',
  captures: [
    { variable: 'expiringAccessToken', pointer: '/access_token', secret: true },
    { variable: 'expiringAccessTokenExpiresIn', pointer: '/expires_in' },
  ],
};

/** The worker app holding only Identity Data Admin (ORGANIZATION scope on the emulator). */
export const identityDataAdminActor: ProbeActor = {
  name: 'the Identity Data Admin actor',
  variables: [ACTOR_VARIABLES.identityDataAdmin.id, ACTOR_VARIABLES.identityDataAdmin.secret],
  configuredBy: ['PINGONE_IDENTITY_ADMIN_CLIENT_ID', 'PINGONE_IDENTITY_ADMIN_CLIENT_SECRET'],
  tokenStep: getIdentityAdminToken,
};

/** The worker app with no role assignment: it cannot get a token at all. */
export const noRoleActor: ProbeActor = {
  name: 'the no-role actor',
  variables: [ACTOR_VARIABLES.noRole.id, ACTOR_VARIABLES.noRole.secret],
  configuredBy: ['PINGONE_NO_ROLE_CLIENT_ID', 'PINGONE_NO_ROLE_CLIENT_SECRET'],
};

/** Steps that get tokens for the extra actors, so skip reasons can name them as producers. */
export const actorTokenSteps: readonly StepDefinition[] = [getIdentityAdminToken, getExpiringToken];

/** The optional actors' credentials as run variables; an actor that is not configured adds none. */
export function actorVariables(
  actors: PingOneConfig['actors'],
): Record<string, { value: string; secret?: boolean }> {
  const values: Record<string, { value: string; secret?: boolean }> = {};
  for (const [key, names] of Object.entries(ACTOR_VARIABLES) as Array<
    [keyof typeof ACTOR_VARIABLES, (typeof ACTOR_VARIABLES)[keyof typeof ACTOR_VARIABLES]]
  >) {
    const actor = actors[key];
    if (!actor) continue;
    values[names.id] = { value: actor.clientId };
    values[names.secret] = { value: actor.clientSecret, secret: true };
  }
  return values;
}
