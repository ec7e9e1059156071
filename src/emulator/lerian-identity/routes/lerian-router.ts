import { Router } from '../../http/index.ts';
import { registerAccessTokenRoutes } from '../auth/access-token-routes.ts';
import { registerMfaLoginRoutes } from '../auth/mfa-login-routes.ts';
import { registerUserinfoRoute } from '../auth/userinfo-route.ts';
import type { LerianContext } from '../context.ts';
import type { LerianService } from '../wire/services.ts';
import { registerHealthRoutes } from './health.ts';
import { registerMfaConfirmRoutes } from './mfa-confirm.ts';
import { registerMfaSetupRoute } from './mfa-setup.ts';
import { registerMfaStateRoutes } from './mfa-state.ts';
import { registerUserListRoute } from './user-list.ts';
import { registerUserRoutes } from './users.ts';

/**
 * The routes of the named services. Unknown paths and methods answer as the plugins' Go HTTP
 * framework (Fiber) does by default: plain text `Cannot GET /path`, `Method Not Allowed`.
 */
export function createLerianRouter(ctx: LerianContext, services: readonly LerianService[]): Router {
  const router = new Router({
    notFound: async (req) => ({ status: 404, body: `Cannot ${req.method} ${req.path}` }),
    methodNotAllowed: async (_req, allowed) => ({
      status: 405,
      headers: { allow: allowed.join(', ') },
      body: 'Method Not Allowed',
    }),
  });
  registerHealthRoutes(router);
  if (services.includes('auth')) {
    registerAccessTokenRoutes(router, ctx);
    registerMfaLoginRoutes(router, ctx);
    registerUserinfoRoute(router, ctx);
  }
  if (services.includes('identity')) {
    registerUserRoutes(router, ctx);
    registerUserListRoute(router, ctx);
    registerMfaSetupRoute(router, ctx);
    registerMfaConfirmRoutes(router, ctx);
    registerMfaStateRoutes(router, ctx);
  }
  return router;
}
