import type { EmulatorRequest } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import { isUuid } from '../state/ids.ts';
import type { UserRecord } from '../state/model.ts';
import { identityError, refuse } from '../wire/lerian-error.ts';

/** The id a path names, checked for shape: IDE-0003 when it is not a UUID. */
export function userIdParam(req: EmulatorRequest): string {
  const id = req.params.id ?? '';
  if (!isUuid(id)) refuse(identityError('0003', { fields: { id: 'must be a UUID' } }));
  return id;
}

/** The user the path names: IDE-0003 for a malformed id, IDE-1003 for an unknown one. */
export function userFromPath(ctx: LerianContext, req: EmulatorRequest): UserRecord {
  const user = ctx.directory.users.get(userIdParam(req));
  if (!user) refuse(identityError('1003'));
  return user;
}
