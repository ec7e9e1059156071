import type { Router } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import { passcodeMatches } from '../mfa/totp-enrollment.ts';
import { isMfaType } from '../state/model.ts';
import type { PendingSetup, UserRecord } from '../state/model.ts';
import { identityError, refuse } from '../wire/lerian-error.ts';
import { IDENTITY_INPUT, readInput, text } from '../wire/input.ts';
import { userFromPath } from './user-lookup.ts';

const VERIFY_INPUT = {
  fields: { passcode: 'string', mfaType: 'string', secret: 'string', countryCode: 'string' },
  required: ['passcode', 'mfaType'],
} as const;

const ENABLE_INPUT = {
  fields: { recoveryCode: 'string', mfaType: 'string', secret: 'string' },
  required: ['recoveryCode', 'mfaType'],
} as const;

/** The setup a verify or enable continues, after the refusals both share. */
function pendingSetupOf(user: UserRecord, mfaType: unknown): PendingSetup {
  if (!isMfaType(mfaType)) refuse(identityError('0044'));
  if (user.mfa && user.mfa.methods.length > 0) refuse(identityError('0040'));
  const setup = user.pendingSetup;
  if (!setup) refuse(identityError('0043'));
  if (setup.mfaType !== mfaType)
    refuse(identityError('0046', { fields: { mfaType: `the setup in progress is for ${setup.mfaType}` } }));
  return setup;
}

function requireSecret(body: Record<string, unknown>): string {
  const secret = text(body, 'secret');
  if (!secret) refuse(identityError('0001', { fields: { secret: 'secret is required for app-based MFA' } }));
  return secret;
}

/** `POST /v1/users/{id}/mfa/verify` and `POST /v1/users/{id}/mfa/enable`. */
export function registerMfaConfirmRoutes(router: Router, ctx: LerianContext): void {
  // A wrong passcode is an answer, not an error: `{verified: false}`, and the setup stays unverified.
  router.on('POST', '/v1/users/:id/mfa/verify', async (req) => {
    const user = userFromPath(ctx, req);
    const body = readInput(req, VERIFY_INPUT, IDENTITY_INPUT);
    const setup = pendingSetupOf(user, body.mfaType);
    const secret = requireSecret(body);
    const verified = secret === setup.secret && passcodeMatches(setup.secret, text(body, 'passcode') ?? '');
    if (verified) setup.verified = true;
    return { status: 200, headers: { 'content-type': 'application/json' }, body: { verified } };
  });

  router.on('POST', '/v1/users/:id/mfa/enable', async (req) => {
    const user = userFromPath(ctx, req);
    const body = readInput(req, ENABLE_INPUT, IDENTITY_INPUT);
    const setup = pendingSetupOf(user, body.mfaType);
    if (!setup.verified) return identityError('0041');
    const secret = requireSecret(body);
    if (secret !== setup.secret)
      return identityError('0046', { fields: { secret: 'not the secret of the setup in progress' } });
    if (!setup.recoveryCodes.includes(text(body, 'recoveryCode') ?? '')) {
      return identityError('0046', { fields: { recoveryCode: 'not one of the codes the setup issued' } });
    }
    user.mfa = {
      methods: [setup.mfaType],
      preferredType: setup.mfaType,
      totpSecret: setup.secret,
      recoveryCodes: [...setup.recoveryCodes],
    };
    delete user.pendingSetup;
    return { status: 200, headers: { 'content-type': 'application/json' }, body: { enabled: true } };
  });
}
