import type { Router } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import { passcodeMatches } from '../mfa/totp-enrollment.ts';
import { isMfaType } from '../state/model.ts';
import type { UserRecord } from '../state/model.ts';
import { authError } from '../wire/lerian-error.ts';
import { AUTH_INPUT, readInput, text } from '../wire/input.ts';
import { tokenResponse } from './issue-token.ts';
import { failedMfaAttempt, liveMfaLogin } from './mfa-login-session.ts';

const CHALLENGE_INPUT = {
  fields: { mfaToken: 'string', mfaType: 'string' },
  required: ['mfaToken', 'mfaType'],
} as const;

const VERIFY_INPUT = {
  fields: {
    mfaToken: 'string',
    mfaType: 'string',
    passcode: 'string',
    recoveryCode: 'string',
    rememberDevice: 'boolean',
  },
  required: ['mfaToken', 'mfaType'],
} as const;

/** A recovery code is good once: a match is removed from the user's codes. */
function consumeRecoveryCode(user: UserRecord, code: string): boolean {
  const codes = user.mfa?.recoveryCodes ?? [];
  const index = codes.indexOf(code);
  if (index < 0) return false;
  codes.splice(index, 1);
  return true;
}

function passcodeAccepted(user: UserRecord, mfaType: string, passcode: string): boolean {
  const secret = user.mfa?.totpSecret;
  return (
    mfaType === 'app' &&
    user.mfa?.methods.includes('app') === true &&
    secret !== undefined &&
    passcodeMatches(secret, passcode)
  );
}

/** `POST /v1/login/mfa/challenge` and `POST /v1/login/mfa/verify`. */
export function registerMfaLoginRoutes(router: Router, ctx: LerianContext): void {
  router.on('POST', '/v1/login/mfa/challenge', async (req) => {
    const body = readInput(req, CHALLENGE_INPUT, AUTH_INPUT);
    if (!isMfaType(body.mfaType))
      return authError('0009', { fields: { mfaType: 'must be app, email or sms' } });
    liveMfaLogin(ctx, text(body, 'mfaToken') ?? '');
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { message: 'MFA challenge initiated' },
    };
  });

  router.on('POST', '/v1/login/mfa/verify', async (req) => {
    const body = readInput(req, VERIFY_INPUT, AUTH_INPUT);
    const mfaType = text(body, 'mfaType') ?? '';
    if (!isMfaType(mfaType)) return authError('0009', { fields: { mfaType: 'must be app, email or sms' } });
    const passcode = text(body, 'passcode');
    const recoveryCode = text(body, 'recoveryCode');
    if (passcode && recoveryCode)
      return authError('0009', { fields: { passcode: 'send either passcode or recoveryCode, not both' } });
    if (!passcode && !recoveryCode)
      return authError('0001', { fields: { passcode: 'passcode or recoveryCode is required' } });
    const { session, user } = liveMfaLogin(ctx, text(body, 'mfaToken') ?? '');
    const accepted = recoveryCode
      ? consumeRecoveryCode(user, recoveryCode)
      : passcodeAccepted(user, mfaType, passcode ?? '');
    if (!accepted) return failedMfaAttempt(ctx, session);
    ctx.directory.mfaLogins.delete(session.mfaToken);
    return tokenResponse(ctx, { kind: 'user', id: user.id, name: user.username }, req.origin);
  });
}
