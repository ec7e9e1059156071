import { randomBytes } from 'node:crypto';
import type { EmulatorResponse } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import type { MfaLoginSession, UserRecord } from '../state/model.ts';
import { authError, refuse } from '../wire/lerian-error.ts';

/**
 * Answers a password login of a user with MFA on: no token yet, but an MFAChallengeResponse
 * whose temporary `mfaToken` the client completes at `/v1/login/mfa/verify`.
 */
export function startMfaLogin(ctx: LerianContext, user: UserRecord): EmulatorResponse {
  const session: MfaLoginSession = {
    mfaToken: randomBytes(32).toString('base64url'),
    userId: user.id,
    expiresAt: Date.now() + ctx.mfaLogin.sessionTtlSeconds * 1000,
    failedAttempts: 0,
  };
  ctx.directory.mfaLogins.set(session.mfaToken, session);
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: {
      mfaRequired: true,
      mfaToken: session.mfaToken,
      mfaType: user.mfa?.preferredType ?? user.mfa?.methods[0] ?? 'app',
      methods: [...(user.mfa?.methods ?? [])],
      expiresIn: ctx.mfaLogin.sessionTtlSeconds,
    },
  };
}

/** The live challenge of `mfaToken` with its user; AUT-1003 when unknown, used or expired. */
export function liveMfaLogin(
  ctx: LerianContext,
  mfaToken: string,
): { session: MfaLoginSession; user: UserRecord } {
  const session = ctx.directory.mfaLogins.get(mfaToken);
  const user = session && ctx.directory.users.get(session.userId);
  if (!session || !user || session.expiresAt <= Date.now()) {
    ctx.directory.mfaLogins.delete(mfaToken);
    refuse(authError('1003', { fields: { mfaToken: 'unknown, already used, or expired' } }));
  }
  return { session, user };
}

/** Counts a wrong answer: AUT-1016 with the attempts left, or AUT-1017 once none are left. */
export function failedMfaAttempt(ctx: LerianContext, session: MfaLoginSession): EmulatorResponse {
  session.failedAttempts += 1;
  const remaining = ctx.mfaLogin.maxAttempts - session.failedAttempts;
  if (remaining > 0) return authError('1016', { argument: String(remaining) });
  ctx.directory.mfaLogins.delete(session.mfaToken);
  return authError('1017');
}
