import type { Router } from '../../http/index.ts';
import { parseJsonObject } from '../../http/index.ts';
import type { PingOneContext } from '../context.ts';
import { laterTimestamp } from '../tenant/clock.ts';
import { mfaEnabledView } from '../views/user-view.ts';
import { apiBase, hal } from '../wire/hal.ts';
import { MEDIA } from '../wire/media-types.ts';
import { requireMediaType } from '../wire/require-media-type.ts';
import { readBoolean, Validation } from '../wire/validation.ts';
import { environmentFor, userFor } from './lookups.ts';

/** `GET|PUT …/users/{userID}/mfaEnabled` (getting-started step 7). */
export function registerMfaEnabledRoutes(router: Router, ctx: PingOneContext): void {
  const path = '/v1/environments/:envId/users/:userId/mfaEnabled';

  router.on('GET', path, async (req) => {
    const environment = environmentFor(ctx, req, 'users:mfaEnabled');
    return hal(200, mfaEnabledView(apiBase(req), environment, userFor(req, environment)));
  });

  router.on('PUT', path, async (req) => {
    const environment = environmentFor(ctx, req, 'users:mfaEnabled');
    const user = userFor(req, environment);
    requireMediaType(req, [MEDIA.json]);
    const v = new Validation();
    const mfaEnabled = readBoolean(v, parseJsonObject(req), 'mfaEnabled', 'mfaEnabled', { required: true });
    v.throwIfInvalid();
    user.mfaEnabled = mfaEnabled ?? user.mfaEnabled;
    user.updatedAt = laterTimestamp(user.updatedAt);
    return hal(200, mfaEnabledView(apiBase(req), environment, user));
  });
}
