import { ask, notJsonAnswer, objectOf, unreachableFix } from '../../../doctor/ask.ts';
import { documented } from '../../../flow/step/source.ts';
import { registerBasicCredentials, registerSecret } from '../../../redact/secrets.ts';
import { credentialsFix, grantRole, TOKEN_STEP } from './console-fixes.ts';
import { answered, type PingOneDoctorContext } from './doctor-context.ts';
import type { Actor } from '../config.ts';
import type { DoctorFinding } from '../../../doctor/finding.ts';

const TOKEN_ANSWER = documented(
  TOKEN_STEP,
  'POST {{authPath}}/{{adminEnvID}}/as/token … grant_type=client_credentials → 200 { "access_token": …, ' +
    '"token_type": "Bearer", "expires_in": 3600 }',
);
const NO_ROLE_REFUSED = documented(
  'https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/administrator-permissions-and-role-assignments.html',
  'When getting a token using the client_credentials grant type, the application’s role assignments are ' +
    'used (a Worker app without any is refused a token)',
);
const OAUTH_ERROR = documented(
  'https://www.rfc-editor.org/rfc/rfc6749#section-5.2',
  'The authorization server responds with an HTTP 400 (Bad Request) status code … error REQUIRED',
);

/** Which variables name the actor whose token is asked for, for messages and fixes. */
export interface TokenActor {
  readonly actor: Actor;
  readonly idVariable: string;
  readonly secretVariable: string;
}

/** A token check's finding, and the token when it worked. */
export interface TokenCheck {
  readonly finding: DoctorFinding;
  readonly token?: string;
}

/**
 * Asks the admin environment's token endpoint for a token of `who`, as step 1 of the docs does
 * (client_secret_basic). Refused credentials or an app without roles are the configuration's
 * (exit 2); a 200 without a usable token, or a refusal that is no OAuth error, is the tenant's.
 */
export async function checkToken(context: PingOneDoctorContext, who: TokenActor): Promise<TokenCheck> {
  const { config } = context;
  const { clientId, clientSecret } = who.actor;
  const check = `token (${who.idVariable})`;
  registerBasicCredentials(clientId, clientSecret);
  const path = `/${config.adminEnvId}/as/token`;
  const asked = await ask(context.client, {
    method: 'POST',
    url: `${config.authUrl}${path}`,
    headers: {
      accept: 'application/json',
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const what = answered('POST', path, asked);
  if (asked.kind !== 'answer')
    return {
      finding:
        asked.kind === 'unreachable'
          ? {
              check,
              verdict: 'unreachable',
              message: asked.error.message,
              fix: unreachableFix(
                asked.error,
                'check PINGONE_AUTH_URL (or PINGONE_REGION) and that the host is reachable from here',
              ),
              source: TOKEN_ANSWER,
              noAnswer: true,
            }
          : { check, verdict: 'conformance', message: what, source: TOKEN_ANSWER, noAnswer: true },
    };
  const notJson = notJsonAnswer(asked.response, 'PINGONE_AUTH_URL');
  if (notJson !== undefined)
    return {
      finding: {
        check,
        verdict: 'config',
        message: `POST ${path}: ${notJson}`,
        fix:
          'set PINGONE_REGION to the region of your organization, or PINGONE_AUTH_URL to its auth ' +
          'host (https://auth.pingone.<tld>)',
        source: TOKEN_ANSWER,
      },
    };
  const { status } = asked.response;
  const body = objectOf(asked.response.json);
  if (status === 200) {
    const token = body?.access_token;
    if (typeof token === 'string' && token !== '') registerSecret(token);
    const problem =
      typeof token !== 'string' || token === ''
        ? 'answered 200 without an access_token'
        : typeof body?.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer'
          ? `answered 200 with token_type ${JSON.stringify(body?.token_type)}, not "Bearer"`
          : undefined;
    if (problem === undefined)
      return {
        finding: {
          check,
          verdict: 'ok',
          message: `the Worker app ${clientId} gets a Bearer token`,
          source: TOKEN_ANSWER,
        },
        token: token as string,
      };
    return {
      finding: { check, verdict: 'conformance', message: `POST ${path} ${problem}`, source: TOKEN_ANSWER },
    };
  }
  const error = typeof body?.error === 'string' ? body.error : undefined;
  if (status === 404)
    return {
      finding: {
        check,
        verdict: 'config',
        message: `${what}: no environment ${config.adminEnvId} at ${config.authUrl}`,
        fix:
          'set PINGONE_ADMIN_ENV_ID to the environment that holds the Worker app (admin console: ' +
          'Settings > Environment Properties > Environment ID), and PINGONE_REGION to the region of ' +
          'your organization',
        source: TOKEN_ANSWER,
      },
    };
  if ((status === 400 || status === 401) && error !== undefined) {
    const noRole = error === 'unauthorized_client';
    return {
      finding: {
        check,
        verdict: 'config',
        message: noRole
          ? `${what}: the Worker app ${clientId} may not get a token; PingOne refuses one to a Worker app without role assignments`
          : `${what}: PingOne does not accept ${who.idVariable} and ${who.secretVariable} for environment ${config.adminEnvId}`,
        fix: noRole
          ? grantRole('Organization Admin and Environment Admin', clientId, 'at Organization scope')
          : credentialsFix(who.idVariable, who.secretVariable),
        source: noRole ? NO_ROLE_REFUSED : OAUTH_ERROR,
      },
    };
  }
  return {
    finding: {
      check,
      verdict: 'conformance',
      message: what,
      source: status >= 400 && status < 500 ? OAUTH_ERROR : TOKEN_ANSWER,
    },
  };
}
