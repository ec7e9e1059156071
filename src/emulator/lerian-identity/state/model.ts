/** The MFA types the Identity plugin documents. */
export const MFA_TYPES = ['app', 'email', 'sms'] as const;
export type MfaType = (typeof MFA_TYPES)[number];

export function isMfaType(value: unknown): value is MfaType {
  return typeof value === 'string' && (MFA_TYPES as readonly string[]).includes(value);
}

/** An MFA setup started by `POST …/mfa/setup` and not yet enabled. */
export interface PendingSetup {
  readonly mfaType: MfaType;
  readonly secret: string;
  readonly recoveryCodes: readonly string[];
  verified: boolean;
}

/** A user's enabled MFA: methods, preference, TOTP secret, unused recovery codes. */
export interface MfaState {
  methods: MfaType[];
  preferredType?: MfaType;
  totpSecret?: string;
  recoveryCodes: string[];
}

export interface UserRecord {
  readonly id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  groups: string[];
  readonly createdAt: string;
  pendingSetup?: PendingSetup;
  mfa?: MfaState;
}

/** An M2M application (`POST /v1/applications`) with its client credentials. */
export interface ApplicationRecord {
  readonly id: string;
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly createdAt: string;
}

/** A password login waiting for its second factor: the `mfaToken` of the challenge. */
export interface MfaLoginSession {
  readonly mfaToken: string;
  readonly userId: string;
  readonly expiresAt: number;
  failedAttempts: number;
}

/** An issued refresh token and whom it refreshes. */
export interface RefreshGrant {
  readonly subject: { readonly kind: 'user' | 'application'; readonly id: string };
  readonly expiresAt: number;
}
