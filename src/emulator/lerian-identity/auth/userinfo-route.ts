import type { Router } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import { caller as callerSlot } from './caller.ts';

/** `GET /v1/userinfo`: who the bearer token belongs to, in the documented field names. */
export function registerUserinfoRoute(router: Router, ctx: LerianContext): void {
  router.on('GET', '/v1/userinfo', async (req) => {
    const caller = callerSlot.get(req);
    const user = caller.kind === 'user' ? ctx.directory.users.get(caller.id) : undefined;
    const body = {
      sub: caller.id,
      name: user ? `${user.firstName} ${user.lastName}` : caller.name,
      preferredUsername: caller.name,
      email: user?.email ?? '',
      emailVerified: false,
      picture: '',
      profile: '',
    };
    return { status: 200, headers: { 'content-type': 'application/json' }, body };
  });
}
