import type { EmulatorRequest, EmulatorResponse, Router } from '../../http/index.ts';
import { parseFormBody } from '../../http/index.ts';
import type { PingOneContext } from '../context.ts';
import { JSON_UTF8, MEDIA } from '../wire/media-types.ts';
import { environmentNotFound } from '../wire/p1-error.ts';
import { readClientCredentials, secretsEqual } from './client-authentication.ts';
import { NO_STORE, oauthError } from './oauth-error.ts';

const INVALID_CLIENT = 'The request could not be completed. Client authentication failed.';
const BASIC_CHALLENGE = { 'www-authenticate': 'Basic realm="PingOne"' } as const;

function json(body: unknown): EmulatorResponse {
  return { status: 200, headers: { 'content-type': JSON_UTF8, ...NO_STORE }, body };
}

function issuerOf(req: EmulatorRequest, environmentId: string): string {
  return `${req.origin}/${environmentId}/as`;
}

async function token(ctx: PingOneContext, req: EmulatorRequest): Promise<EmulatorResponse> {
  const environmentId = req.params.envId ?? '';
  if (!ctx.tenant.environmentsById.has(environmentId)) return environmentNotFound(environmentId);
  if (req.contentType !== MEDIA.form) {
    return oauthError(
      400,
      'invalid_request',
      `The request could not be completed. The token request must be sent as ${MEDIA.form}.`,
    );
  }
  const form = parseFormBody(req);
  const grantType = form.get('grant_type');
  if (grantType === null || grantType === '') {
    return oauthError(
      400,
      'invalid_request',
      'The request could not be completed. The grant_type parameter is missing.',
    );
  }
  const credentials = readClientCredentials(req, form);
  if (credentials.kind === 'ambiguous') {
    return oauthError(
      400,
      'invalid_request',
      'The request could not be completed. Use one client authentication method, not both Basic and ' +
        'client_secret in the body.',
    );
  }
  if (credentials.kind !== 'found') return oauthError(401, 'invalid_client', INVALID_CLIENT, BASIC_CHALLENGE);
  const app = ctx.tenant.applications.get(credentials.clientId);
  if (
    !app ||
    app.environmentId !== environmentId ||
    !app.enabled ||
    !secretsEqual(app.clientSecret, credentials.clientSecret)
  ) {
    return oauthError(401, 'invalid_client', INVALID_CLIENT, BASIC_CHALLENGE);
  }
  if (grantType !== 'client_credentials') {
    return oauthError(
      400,
      'unsupported_grant_type',
      `The request could not be completed. The grant type '${grantType}' is not supported for this ` +
        `application.`,
    );
  }
  if (app.roleAssignments.length === 0) {
    return oauthError(
      400,
      'unauthorized_client',
      'The request could not be completed. The application has no role assignments, so no access token ' +
        'can be issued for it.',
    );
  }
  const signed = await ctx.signer.sign({
    clientId: app.id,
    environmentId,
    organizationId: ctx.tenant.organization.id,
    issuer: issuerOf(req, environmentId),
    audience: req.origin,
    ttlSeconds: ctx.tokenTtlSeconds,
  });
  ctx.tenant.issuedTokens.push({
    accessToken: signed.token,
    clientId: app.id,
    jti: signed.jti,
    issuedAt: signed.issuedAt,
    expiresAt: signed.expiresAt,
  });
  return json({ access_token: signed.token, token_type: 'Bearer', expires_in: ctx.tokenTtlSeconds });
}

/** The auth server under `/{envId}/as/…`: token, JWKS and discovery. */
export function registerAuthServerRoutes(router: Router, ctx: PingOneContext): void {
  router.on('POST', '/:envId/as/token', (req) => token(ctx, req));
  router.on('GET', '/:envId/as/jwks', async (req) => {
    const environmentId = req.params.envId ?? '';
    if (!ctx.tenant.environmentsById.has(environmentId)) return environmentNotFound(environmentId);
    return { status: 200, headers: { 'content-type': JSON_UTF8 }, body: ctx.signer.jwks() };
  });
  router.on('GET', '/:envId/as/.well-known/openid-configuration', async (req) => {
    const environmentId = req.params.envId ?? '';
    if (!ctx.tenant.environmentsById.has(environmentId)) return environmentNotFound(environmentId);
    const issuer = issuerOf(req, environmentId);
    return {
      status: 200,
      headers: { 'content-type': JSON_UTF8 },
      body: {
        issuer,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        id_token_signing_alg_values_supported: ['RS256'],
      },
    };
  });
}
