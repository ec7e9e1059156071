import type { UserRecord } from '../state/model.ts';

/** The documented UserResponse: never the password, never MFA secrets. */
export function userView(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    username: user.username,
    groups: [...user.groups],
    createdAt: user.createdAt,
  };
}
