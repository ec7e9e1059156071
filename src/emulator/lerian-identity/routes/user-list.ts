import type { Router } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import { readPageQuery } from '../wire/page-query.ts';
import { userView } from './user-view.ts';

/**
 * `GET /v1/users?page=&limit=`: the users in creation order, one page at a time, in Lerian's
 * documented pagination wrapper `{items, page, limit}`; a page past the end has no items (see the README).
 */
export function registerUserListRoute(router: Router, ctx: LerianContext): void {
  router.on('GET', '/v1/users', async (req) => {
    const { page, limit } = readPageQuery(req);
    const users = [...ctx.directory.users.values()];
    const items = users.slice((page - 1) * limit, page * limit).map(userView);
    return { status: 200, headers: { 'content-type': 'application/json' }, body: { items, page, limit } };
  });
}
