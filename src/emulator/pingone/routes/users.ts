import type { Router } from '../../http/index.ts';
import { parseJsonObject } from '../../http/index.ts';
import type { PingOneContext } from '../context.ts';
import type { UserRecord } from '../tenant/model.ts';
import { userView } from '../views/user-view.ts';
import { collection } from '../wire/collection.ts';
import { apiBase, created, hal, noContent } from '../wire/hal.ts';
import { MEDIA } from '../wire/media-types.ts';
import { requireMediaType } from '../wire/require-media-type.ts';
import { applyFilter } from '../wire/scim-filter.ts';
import { environmentFor, userFor } from './lookups.ts';
import { setPassword } from './password-policy.ts';
import { readNewUser } from './user-input.ts';

function userAttribute(user: UserRecord, attribute: string): unknown {
  switch (attribute) {
    case 'id':
      return user.id;
    case 'username':
      return user.username;
    case 'email':
      return user.email;
    case 'population.id':
      return user.populationId;
    case 'enabled':
      return user.enabled;
    default:
      return undefined;
  }
}

/** Create (plain or import), list, read and delete users. */
export function registerUserRoutes(router: Router, ctx: PingOneContext): void {
  const base = '/v1/environments/:envId/users';

  router.on('POST', base, async (req) => {
    const environment = environmentFor(ctx, req, 'users:manage');
    const media = requireMediaType(req, [MEDIA.json, MEDIA.userImport]);
    const { user, password } = readNewUser(environment, parseJsonObject(req), media === MEDIA.userImport);
    if (password) setPassword(user, password.value, password.forceChange);
    environment.users.set(user.id, user);
    return created(userView(apiBase(req), environment, user));
  });

  router.on('GET', base, async (req) => {
    const environment = environmentFor(ctx, req, 'users:manage');
    const support = {
      id: ['eq'],
      username: ['eq', 'sw'],
      email: ['eq', 'sw'],
      'population.id': ['eq'],
      enabled: ['eq'],
    } as const;
    return collection(req, {
      name: 'users',
      records: applyFilter(req, [...environment.users.values()], support, userAttribute),
      render: (user) => userView(apiBase(req), environment, user),
      paging: { defaultLimit: 100, maxLimit: 200 },
    });
  });

  router.on('GET', `${base}/:userId`, async (req) => {
    const environment = environmentFor(ctx, req, 'users:manage');
    return hal(200, userView(apiBase(req), environment, userFor(req, environment)));
  });

  router.on('DELETE', `${base}/:userId`, async (req) => {
    const environment = environmentFor(ctx, req, 'users:manage');
    environment.users.delete(userFor(req, environment).id);
    return noContent();
  });
}
