import { deriveProbe } from '../../../flow/probe-derive.ts';
import { replaceVariable, withAuth, withUrl } from '../../../flow/probe-request.ts';
import { ACTOR_VARIABLES, noRoleActor } from '../actors.ts';
import { getAccessToken } from '../steps/01-get-access-token.ts';
import { INVALID_TOKEN, NOT_FOUND, oauthError } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { UNKNOWN_ID } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe.ts';

const shared = { stepId: getAccessToken.id, from: getAccessToken } as const;
const { id, secret } = ACTOR_VARIABLES.noRole;

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
    answer: NOT_FOUND,
  }),
  deriveProbe({
    ...shared,
    slug: 'api-host',
    bullet: BULLETS.authPath,
    provoked: 'the token request sent to {{apiPath}} instead of {{authPath}}',
    changes: [withUrl('{{apiPath}}/{{adminEnvID}}/as/token')],
    answer: INVALID_TOKEN,
  }),
  deriveProbe({
    ...shared,
    slug: 'other-region-host',
    bullet: `${BULLETS.authPath} ${BULLETS.apiPath}`,
    provoked: "another region's auth and API hosts (auth.pingone.eu for an NA tenant)",
    answer: INVALID_TOKEN,
    skip:
      "the emulator serves every region from one origin, and on a real tenant it would send the run's credentials to a host " +
      'the configuration does not name, whose answer the docs do not give; the apiPath bullet is probed on every step by ' +
      'the without-v1 probe, and a host that does not answer by the no-response hint',
  }),
];
