import type { ApplicationRecord, MfaLoginSession, RefreshGrant, UserRecord } from './model.ts';

/** Groups the seed knows, as in the Access Manager's compose `init_data.json`. */
export const SEEDED_GROUPS = [
  'admin-group',
  'midaz-editor-group',
  'midaz-contributor-group',
  'midaz-viewer-group',
] as const;

/** A token the Auth service issued, kept so tests can scan outputs for it. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly subject: string;
}

/**
 * The live state of one emulated Access Manager: users with their MFA, M2M applications,
 * groups, pending MFA logins and refresh tokens. Both services read and write the same state.
 */
export class LerianDirectory {
  readonly users = new Map<string, UserRecord>();
  readonly applications = new Map<string, ApplicationRecord>();
  readonly groups = new Set<string>(SEEDED_GROUPS);
  readonly mfaLogins = new Map<string, MfaLoginSession>();
  readonly refreshGrants = new Map<string, RefreshGrant>();
  readonly issuedTokens: IssuedToken[] = [];

  userByUsername(username: string): UserRecord | undefined {
    return [...this.users.values()].find((user) => user.username === username);
  }

  userByUsernameOrEmail(username: string, email: string): UserRecord | undefined {
    return [...this.users.values()].find((user) => user.username === username || user.email === email);
  }

  /** Revokes every MFA login in progress for a user (deleted, or MFA disabled). */
  endMfaLogins(userId: string): void {
    for (const [token, session] of this.mfaLogins)
      if (session.userId === userId) this.mfaLogins.delete(token);
  }

  applicationByClientId(clientId: string): ApplicationRecord | undefined {
    return [...this.applications.values()].find((app) => app.clientId === clientId);
  }
}
