import type { Router } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import { newRecoveryCodes } from '../mfa/recovery-codes.ts';
import { newTotpSecret, otpauthUrl } from '../mfa/totp-enrollment.ts';
import { isMfaType } from '../state/model.ts';
import type { PendingSetup } from '../state/model.ts';
import { identityError } from '../wire/lerian-error.ts';
import { IDENTITY_INPUT, readInput } from '../wire/input.ts';
import { userFromPath } from './user-lookup.ts';

const SETUP_INPUT = { fields: { mfaType: 'string' }, required: ['mfaType'] } as const;

/**
 * `POST /v1/users/{id}/mfa/setup`: a TOTP secret, its otpauth URL and recovery codes, not yet
 * enabled. A second setup replaces the first. Email and SMS need a communication provider,
 * which the emulator has none of, so they fail as an unconfigured deployment would (IDE-0045).
 */
export function registerMfaSetupRoute(router: Router, ctx: LerianContext): void {
  router.on('POST', '/v1/users/:id/mfa/setup', async (req) => {
    const user = userFromPath(ctx, req);
    const body = readInput(req, SETUP_INPUT, IDENTITY_INPUT);
    if (!isMfaType(body.mfaType)) return identityError('0044');
    if (user.mfa && user.mfa.methods.length > 0) return identityError('0040');
    if (body.mfaType !== 'app')
      return identityError('0045', {
        fields: { mfaType: `no ${body.mfaType} provider is linked to the application` },
      });
    const secret = newTotpSecret();
    const setup: PendingSetup = {
      mfaType: 'app',
      secret,
      recoveryCodes: newRecoveryCodes(),
      verified: false,
    };
    user.pendingSetup = setup;
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: {
        secret,
        url: otpauthUrl(user.username, secret),
        recoveryCodes: [...setup.recoveryCodes],
        mfaType: setup.mfaType,
        enabled: false,
      },
    };
  });
}
