import { errors } from 'jose';
import type { JWTPayload } from 'jose';
import type { EmulatorMiddleware } from '../../http/index.ts';
import type { PingOneContext } from '../context.ts';
import { P1_MESSAGES, p1Error } from '../wire/p1-error.ts';
import { setActor } from './actor.ts';

/** Deliberately identical for every variant; the detail message says what exactly was wrong. */
const CHALLENGE = { 'www-authenticate': 'Bearer error="invalid_token"' } as const;

function unauthorized(reason: string) {
  return p1Error(
    401,
    'ACCESS_FAILED',
    P1_MESSAGES.ACCESS_FAILED_TOKEN,
    [{ code: 'INVALID_TOKEN', message: reason }],
    CHALLENGE,
  );
}

function describeVerificationError(error: unknown): string {
  if (error instanceof errors.JWTExpired)
    return 'The access token expired. Request a new one from the token endpoint.';
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The access token signature is invalid: it was not issued by this environment or was altered.';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The access token must be signed with RS256.';
  return 'The access token is malformed: it is not a signed JWT this server can read.';
}

function isManagementPath(path: string): boolean {
  return path === '/v1' || path.startsWith('/v1/');
}

/**
 * Requires a valid bearer token on every management API path (`/v1…`) and records the worker app
 * it was issued to as the request's actor. Role checks happen per route (see `permissions.ts`).
 */
export function bearerAuth(ctx: PingOneContext): EmulatorMiddleware {
  return async (req, next) => {
    if (!isManagementPath(req.path)) return next();
    const header = req.headers.authorization;
    if (header === undefined || header.trim() === '') {
      return unauthorized("The request has no access token; send 'Authorization: Bearer <access_token>'.");
    }
    const [scheme = '', token = '', ...extra] = header.trim().split(/\s+/);
    if (scheme.toLowerCase() !== 'bearer') {
      return unauthorized(
        `The Authorization header uses the '${scheme}' scheme; the management API needs 'Bearer'.`,
      );
    }
    if (token === '' || extra.length > 0)
      return unauthorized('The Authorization header must be exactly "Bearer <access_token>".');
    let claims: JWTPayload;
    try {
      claims = await ctx.signer.verify(token);
    } catch (error) {
      return unauthorized(describeVerificationError(error));
    }
    const clientId = typeof claims.client_id === 'string' ? claims.client_id : undefined;
    const app = clientId === undefined ? undefined : ctx.tenant.applications.get(clientId);
    if (!app || !app.enabled) {
      return unauthorized('The application the access token was issued to no longer exists or is disabled.');
    }
    setActor(req, { app, tokenId: typeof claims.jti === 'string' ? claims.jti : '' });
    return next();
  };
}
