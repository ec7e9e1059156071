import type { EmulatorRequest } from '../../http/index.ts';
import { authorize } from '../auth/permissions.ts';
import type { Operation } from '../auth/permissions.ts';
import type { PingOneContext } from '../context.ts';
import type { DeviceRecord, EnvironmentRecord, PopulationRecord, UserRecord } from '../tenant/model.ts';
import { environmentNotFound, fail, notFound } from '../wire/p1-error.ts';

/**
 * Authorizes `operation` on the environment named by `:envId`, then finds it. Permission comes
 * first: an actor whose roles do not cover the id gets 403 whether or not it exists; an actor
 * whose roles do (ORGANIZATION scope) gets 404 for an unknown id.
 */
export function environmentFor(
  ctx: PingOneContext,
  req: EmulatorRequest,
  operation: Operation,
): EnvironmentRecord {
  const environmentId = req.params.envId ?? '';
  authorize(req, ctx.tenant, operation, environmentId);
  return ctx.tenant.environmentsById.get(environmentId) ?? fail(environmentNotFound(environmentId));
}

/** The user named by `:userId` in `environment`, or 404. */
export function userFor(req: EmulatorRequest, environment: EnvironmentRecord): UserRecord {
  return environment.users.get(req.params.userId ?? '') ?? fail(notFound());
}

/** The population named by `:popId` in `environment`, or 404. */
export function populationFor(req: EmulatorRequest, environment: EnvironmentRecord): PopulationRecord {
  return environment.populations.get(req.params.popId ?? '') ?? fail(notFound());
}

/** The device named by `:deviceId` of `user`, or 404. */
export function deviceFor(req: EmulatorRequest, user: UserRecord): DeviceRecord {
  return user.devices.get(req.params.deviceId ?? '') ?? fail(notFound());
}
