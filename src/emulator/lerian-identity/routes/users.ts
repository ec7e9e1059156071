import type { Router } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import { uuidV7 } from '../state/ids.ts';
import type { UserRecord } from '../state/model.ts';
import { identityError } from '../wire/lerian-error.ts';
import { IDENTITY_INPUT, readInput, text } from '../wire/input.ts';
import { userFromPath } from './user-lookup.ts';
import { userView } from './user-view.ts';

const USER_INPUT = {
  fields: {
    email: 'string',
    firstName: 'string',
    lastName: 'string',
    password: 'string',
    username: 'string',
    groups: 'string[]',
  },
  required: ['email', 'firstName', 'lastName', 'password', 'username'],
} as const;

/** The one password rule the server is documented to enforce (IDE-0020). */
const MIN_PASSWORD_LENGTH = 12;

/** `POST /v1/users`, `GET /v1/users/{id}`, `DELETE /v1/users/{id}`. */
export function registerUserRoutes(router: Router, ctx: LerianContext): void {
  router.on('POST', '/v1/users', async (req) => {
    const body = readInput(req, USER_INPUT, IDENTITY_INPUT);
    const password = text(body, 'password') ?? '';
    if (password.length < MIN_PASSWORD_LENGTH)
      return identityError('0020', { fields: { password: `at least ${MIN_PASSWORD_LENGTH} characters` } });
    const groups = Array.isArray(body.groups) ? (body.groups as string[]) : [];
    const unknownGroup = groups.find((group) => !ctx.directory.groups.has(group));
    if (unknownGroup !== undefined) return identityError('1006', { fields: { groups: unknownGroup } });
    const username = text(body, 'username') ?? '';
    const email = text(body, 'email') ?? '';
    if (ctx.directory.userByUsernameOrEmail(username, email)) return identityError('0017');
    const user: UserRecord = {
      id: uuidV7(),
      username,
      email,
      firstName: text(body, 'firstName') ?? '',
      lastName: text(body, 'lastName') ?? '',
      password,
      groups,
      createdAt: new Date().toISOString(),
    };
    ctx.directory.users.set(user.id, user);
    return { status: 201, headers: { 'content-type': 'application/json' }, body: userView(user) };
  });

  router.on('GET', '/v1/users/:id', async (req) => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: userView(userFromPath(ctx, req)),
  }));

  router.on('DELETE', '/v1/users/:id', async (req) => {
    const user = userFromPath(ctx, req);
    ctx.directory.users.delete(user.id);
    ctx.directory.endMfaLogins(user.id);
    return { status: 204 };
  });
}
