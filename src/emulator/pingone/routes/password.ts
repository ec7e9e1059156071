import type { Router } from '../../http/index.ts';
import { parseJsonObject } from '../../http/index.ts';
import type { PingOneContext } from '../context.ts';
import { passwordView } from '../views/user-view.ts';
import { apiBase, hal } from '../wire/hal.ts';
import { MEDIA } from '../wire/media-types.ts';
import { requireMediaType } from '../wire/require-media-type.ts';
import { readBoolean, readString, Validation } from '../wire/validation.ts';
import { environmentFor, userFor } from './lookups.ts';
import { passwordViolations, setPassword } from './password-policy.ts';

/** `GET|PUT …/users/{userID}/password`; PUT is the admin set action (`password.set+json`). */
export function registerPasswordRoutes(router: Router, ctx: PingOneContext): void {
  const path = '/v1/environments/:envId/users/:userId/password';

  router.on('GET', path, async (req) => {
    const environment = environmentFor(ctx, req, 'users:password');
    return hal(200, passwordView(apiBase(req), environment, userFor(req, environment)));
  });

  router.on('PUT', path, async (req) => {
    const environment = environmentFor(ctx, req, 'users:password');
    const user = userFor(req, environment);
    requireMediaType(req, [MEDIA.passwordSet]);
    const body = parseJsonObject(req);
    const v = new Validation();
    const value = readString(v, body, 'value', 'value', { required: true });
    const forceChange = readBoolean(v, body, 'forceChange', 'forceChange');
    if (value !== undefined) for (const detail of passwordViolations(value, user, 'value')) v.add(detail);
    v.throwIfInvalid();
    setPassword(user, value ?? '', forceChange ?? false);
    return hal(200, passwordView(apiBase(req), environment, user));
  });
}
