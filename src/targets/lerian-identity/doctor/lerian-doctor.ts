import { ask, notJsonAnswer, objectOf, quoteAnswer, unreachableFix } from '../../../doctor/ask.ts';
import { documented, inferred } from '../../../flow/step/source.ts';
import { createHttpClient } from '../../../http/client.ts';
import { requestTimeoutMs } from '../../../http/request-timeout-variable.ts';
import { registerSecret } from '../../../redact/secrets.ts';
import { DOCS } from '../conventions.ts';
import type { LerianConfig, LerianCredentials } from '../config.ts';
import type { DoctorFinding, DoctorOptions } from '../../../doctor/finding.ts';
import type { HttpClient } from '../../../http/types.ts';

const TOKEN_ANSWER = documented(
  `${DOCS}/request-access-token`,
  'POST /v1/login/oauth/access_token … 200 OAuth2Token: accessToken, expiresIn, refreshToken, tokenType; ' +
    'if the user has MFA enabled, the response will contain an MFAChallengeResponse instead',
);
const NOT_APPLICABLE = inferred(
  "Lerian's published Access Manager reference documents no read of a user's or application's permissions for the Identity calls, no license or quota, and idflow configures no extra Lerian actor",
);

interface Grant {
  readonly check: string;
  readonly variables: string;
  readonly body: Record<string, string>;
  readonly admin: boolean;
}

function grants(config: LerianConfig): Grant[] {
  const list: Grant[] = [];
  const user: LerianCredentials | undefined = config.adminUser;
  if (user)
    list.push({
      check: 'token (LERIAN_USERNAME)',
      variables: 'LERIAN_USERNAME and LERIAN_PASSWORD',
      admin: true,
      body: { grantType: 'password', username: user.id, password: user.secret },
    });
  const app = config.application;
  if (app)
    list.push({
      check: 'token (LERIAN_CLIENT_ID)',
      variables: 'LERIAN_CLIENT_ID and LERIAN_CLIENT_SECRET',
      admin: false,
      body: { grantType: 'client_credentials', clientId: app.id, clientSecret: app.secret },
    });
  return list;
}

async function checkGrant(client: HttpClient, config: LerianConfig, grant: Grant): Promise<DoctorFinding> {
  const path = '/v1/login/oauth/access_token';
  const asked = await ask(client, {
    method: 'POST',
    url: `${config.authUrl}${path}`,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(grant.body),
  });
  const base = { check: grant.check, source: TOKEN_ANSWER };
  if (asked.kind !== 'answer')
    return {
      ...base,
      verdict: asked.kind === 'unreachable' ? 'unreachable' : 'conformance',
      message: asked.error.message,
      noAnswer: true,
      ...(asked.kind === 'unreachable'
        ? {
            fix: unreachableFix(
              asked.error,
              'check LERIAN_AUTH_URL and that the host is reachable from here',
            ),
          }
        : {}),
    };
  const notJson = notJsonAnswer(asked.response, 'LERIAN_AUTH_URL');
  if (notJson !== undefined)
    return {
      ...base,
      verdict: 'config',
      message: `POST ${path}: ${notJson}`,
      fix: 'set LERIAN_AUTH_URL to your Access Manager auth service',
    };
  const { status } = asked.response;
  const body = objectOf(asked.response.json);
  const token = body?.accessToken;
  if (typeof token === 'string') registerSecret(token);
  if (status === 200 && grant.admin && body?.mfaToken !== undefined)
    return {
      ...base,
      verdict: 'config',
      message:
        `POST ${path} answered an MFA challenge: the admin user has MFA enabled, and the run ` +
        `signs in without a second factor`,
      fix:
        `name an admin user without MFA in ${grant.variables}, or turn MFA off for this one in your ` +
        `Lerian Access Manager`,
    };
  if (status === 200)
    return typeof token === 'string' &&
      token !== '' &&
      typeof body?.tokenType === 'string' &&
      body.tokenType.toLowerCase() === 'bearer'
      ? { ...base, verdict: 'ok', message: 'a Bearer token is issued' }
      : {
          ...base,
          verdict: 'conformance',
          message: `POST ${path} answered 200 without an accessToken of tokenType "Bearer"`,
        };
  const code = typeof body?.code === 'string' ? ` (${quoteAnswer(body.code)})` : '';
  if (status === 401 || status === 400)
    return {
      ...base,
      verdict: 'config',
      message: `POST ${path} answered ${status}${code}: the credentials in ${grant.variables} are refused`,
      fix: `check ${grant.variables} against the user or application in your Lerian Access Manager`,
    };
  return { ...base, verdict: 'conformance', message: `POST ${path} answered ${status}${code}` };
}

/**
 * `idflow doctor` for Lerian Identity: each configured credential gets a token. Role, license and
 * actor checks do not apply to what Lerian documents, and the findings say so.
 */
export async function lerianDoctor(
  config: LerianConfig,
  options: DoctorOptions = {},
): Promise<DoctorFinding[]> {
  const client = createHttpClient({
    timeoutMs: requestTimeoutMs(),
    allowInsecureHttp: config.allowInsecureHttp === true,
    runDeadline: options.runDeadline,
  });
  try {
    // Each credential's token request on its own, side by side; findings in the grants' order.
    const findings: DoctorFinding[] = await Promise.all(
      grants(config).map((grant) => checkGrant(client, config, grant)),
    );
    if (findings.some((finding) => finding.verdict === 'unreachable')) return findings;
    findings.push({
      check: 'roles, license, actors',
      verdict: 'unverified',
      message: 'do not apply: Lerian documents nothing the run could read about them',
      source: NOT_APPLICABLE,
    });
    return findings;
  } finally {
    await client.close();
  }
}
