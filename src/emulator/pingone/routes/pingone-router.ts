import { Router } from '../../http/index.ts';
import { registerAuthServerRoutes } from '../auth/auth-server-routes.ts';
import type { PingOneContext } from '../context.ts';
import { notFound, p1Error } from '../wire/p1-error.ts';
import { registerDevicePolicyRoutes } from './device-policies.ts';
import { registerDeviceRoutes } from './devices.ts';
import { registerEnvironmentRoutes } from './environments.ts';
import { registerMfaEnabledRoutes } from './mfa-enabled.ts';
import { registerMfaSettingsRoutes } from './mfa-settings.ts';
import { registerOrganizationRoutes } from './organizations.ts';
import { registerPasswordRoutes } from './password.ts';
import { registerPopulationRoutes } from './populations.ts';
import { registerRoleRoutes } from './roles.ts';
import { registerUserRoutes } from './users.ts';

/** Every route of the emulated tenant: auth server and management API on one origin. */
export function createPingOneRouter(ctx: PingOneContext): Router {
  const router = new Router({
    notFound: async () => notFound(),
    methodNotAllowed: async (req, allowed) =>
      p1Error(
        405,
        'INVALID_REQUEST',
        `The request could not be completed. The method ${req.method} is not allowed for this resource.`,
        undefined,
        { allow: allowed.join(', ') },
      ),
  });
  registerAuthServerRoutes(router, ctx);
  registerOrganizationRoutes(router, ctx);
  registerRoleRoutes(router, ctx);
  registerEnvironmentRoutes(router, ctx);
  registerPopulationRoutes(router, ctx);
  registerUserRoutes(router, ctx);
  registerPasswordRoutes(router, ctx);
  registerMfaEnabledRoutes(router, ctx);
  registerMfaSettingsRoutes(router, ctx);
  registerDevicePolicyRoutes(router, ctx);
  registerDeviceRoutes(router, ctx);
  return router;
}
