import type { EmulatorMiddleware, EmulatorResponse } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import { authError, identityError } from '../wire/lerian-error.ts';
import { serviceOf } from '../wire/services.ts';
import { caller } from './caller.ts';
import type { TokenSubject } from './token-issuer.ts';

/** Auth paths that need a bearer token; its login calls do not. */
const PROTECTED_AUTH_PATHS = ['/v1/userinfo'];

function needsBearer(path: string): boolean {
  if (!path.startsWith('/v1/')) return false;
  return serviceOf(path) === 'identity' || PROTECTED_AUTH_PATHS.includes(path);
}

function refusal(path: string, missing: boolean, reason: string): EmulatorResponse {
  const fields = { authorization: reason };
  if (serviceOf(path) === 'auth') return authError(missing ? '0006' : '0007', { fields });
  return identityError(missing ? '0008' : '0009', { fields });
}

async function subjectOf(ctx: LerianContext, token: string): Promise<TokenSubject | undefined> {
  try {
    const claims = await ctx.issuer.verify(token);
    const id = typeof claims.sub === 'string' ? claims.sub : '';
    if (claims.type === 'application') {
      const app = ctx.directory.applications.get(id);
      return app && { kind: 'application', id, name: app.name };
    }
    const user = ctx.directory.users.get(id);
    return user && { kind: 'user', id, name: user.username };
  } catch {
    return undefined;
  }
}

/**
 * Requires `Authorization: Bearer <accessToken>` on every Identity path and on `/v1/userinfo`:
 * no header answers IDE-0008 (AUT-0006); a token that is not ours, expired, or whose subject was
 * deleted answers IDE-0009 (AUT-0007). Any valid token may call any route (see the README).
 */
export function bearerAuth(ctx: LerianContext): EmulatorMiddleware {
  return async (req, next) => {
    if (!needsBearer(req.path)) return next();
    const header = req.headers.authorization?.trim() ?? '';
    if (header === '') return refusal(req.path, true, "send 'Authorization: Bearer <accessToken>'");
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return refusal(req.path, false, "the header must be exactly 'Bearer <accessToken>'");
    const subject = await subjectOf(ctx, match[1]);
    if (!subject)
      return refusal(
        req.path,
        false,
        'the token is expired, not issued here, or its subject no longer exists',
      );
    caller.set(req, subject);
    return next();
  };
}
