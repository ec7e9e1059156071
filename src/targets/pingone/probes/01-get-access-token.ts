import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { replaceVariable, withAuth, withUrl } from '../../../flow/probe/probe-request.ts';
import { ACTOR_VARIABLES, noRoleActor } from '../actors.ts';
import { getAccessToken } from '../steps/01-get-access-token.ts';
import { INVALID_TOKEN_DETAIL_REASON, oauthError, p1Error } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { UNKNOWN_ID } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

const shared = { stepId: getAccessToken.id, from: getAccessToken } as const;
const { id, secret } = ACTOR_VARIABLES.noRole;

/** The bullets say these token requests fail; what a tenant answers is not documented. */
const WRONG_HOST_OR_ENV_REASON =
  'the troubleshooting bullet says the request fails, not with what: no page shows the answer to a token ' +
  'request for an unknown environment or on the API host; our emulator answers this';
const UNKNOWN_ADMIN_ENV = p1Error(404, 'NOT_FOUND', undefined, {
  statusInferred: WRONG_HOST_OR_ENV_REASON,
  refusalDocumented: true,
});
const TOKEN_ON_API_HOST = p1Error(
  401,
  'ACCESS_FAILED',
  { code: 'INVALID_TOKEN' },
  {
    detailInferred: INVALID_TOKEN_DETAIL_REASON,
    statusInferred: WRONG_HOST_OR_ENV_REASON,
    refusalDocumented: true,
  },
);

/** Step 1: the token request with wrong credentials, environment, host, or an app without roles. */
export const tokenProbes: readonly ProbeDefinition[] = [
  deriveProbe({
    ...shared,
    slug: 'no-role-actor',
    bullet: BULLETS.noRole,
    provoked: 'the token request for the worker app that has no role assignment',
    changes: [withAuth({ type: 'basic', username: `{{${id}}}`, password: `{{${secret}}}` })],
    actor: noRoleActor,
    answer: oauthError(400, 'unauthorized_client'),
  }),
  deriveProbe({
    ...shared,
    slug: 'wrong-secret',
    bullet: BULLETS.credentials,
    provoked: "the admin app's client id with a secret that is not its own",
    changes: [withAuth({ type: 'basic', username: '{{adminAppID}}', password: 'not-the-client-secret' })],
    answer: oauthError(401, 'invalid_client'),
  }),
  deriveProbe({
    ...shared,
    slug: 'unknown-admin-env',
    bullet: BULLETS.adminEnvID,
    provoked: `{{adminEnvID}} replaced by an id that names nothing (${UNKNOWN_ID})`,
    changes: [replaceVariable('adminEnvID', UNKNOWN_ID)],
    answer: UNKNOWN_ADMIN_ENV,
  }),
  deriveProbe({
    ...shared,
    slug: 'api-host',
    bullet: BULLETS.authPath,
    provoked: 'the token request sent to {{apiPath}} instead of {{authPath}}',
    changes: [withUrl('{{apiPath}}/{{adminEnvID}}/as/token')],
    answer: TOKEN_ON_API_HOST,
  }),
  deriveProbe({
    ...shared,
    slug: 'other-region-host',
    bullet: `${BULLETS.authPath} ${BULLETS.apiPath}`,
    provoked: "another region's auth and API hosts (auth.pingone.eu for an NA tenant)",
    answer: TOKEN_ON_API_HOST,
    skip:
      "the emulator serves every region from one origin, and on a real tenant it would send the run's credentials to a host " +
      'the configuration does not name, whose answer the docs do not give; the apiPath bullet is probed on every step by ' +
      'the without-v1 probe, and a host that does not answer by the no-response hint',
  }),
];
