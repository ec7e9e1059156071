import type { Router } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import { isMfaType } from '../state/model.ts';
import type { UserRecord } from '../state/model.ts';
import { identityError } from '../wire/lerian-error.ts';
import { IDENTITY_INPUT, readInput } from '../wire/input.ts';
import { userFromPath } from './user-lookup.ts';

const PREFERRED_INPUT = { fields: { mfaType: 'string', secret: 'string' }, required: ['mfaType'] } as const;
const DISABLE_INPUT = { fields: {}, emptyIsObject: true } as const;

/** The documented MFAStatusResponse. */
function statusView(user: UserRecord): Record<string, unknown> {
  const methods = user.mfa?.methods ?? [];
  return {
    enabled: methods.length > 0,
    ...(user.mfa?.preferredType ? { preferredType: user.mfa.preferredType } : {}),
    methods: [...methods],
    totpEnabled: methods.includes('app'),
    emailEnabled: methods.includes('email'),
    smsEnabled: methods.includes('sms'),
  };
}

/**
 * `GET /v1/users/{id}/mfa`, `PATCH /v1/users/{id}/mfa/preferred` and the disable call, whose
 * path is not public: `POST /v1/users/{id}/mfa/disable`, by analogy with setup/verify/enable.
 */
export function registerMfaStateRoutes(router: Router, ctx: LerianContext): void {
  router.on('GET', '/v1/users/:id/mfa', async (req) => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: statusView(userFromPath(ctx, req)),
  }));

  router.on('PATCH', '/v1/users/:id/mfa/preferred', async (req) => {
    const user = userFromPath(ctx, req);
    const body = readInput(req, PREFERRED_INPUT, IDENTITY_INPUT);
    if (!isMfaType(body.mfaType)) return identityError('0044');
    if (!user.mfa?.methods.includes(body.mfaType)) return identityError('0042');
    user.mfa.preferredType = body.mfaType;
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { preferredType: body.mfaType },
    };
  });

  // Clears every method, the preference and the recovery codes, as Casdoor's delete-mfa does.
  router.on('POST', '/v1/users/:id/mfa/disable', async (req) => {
    const user = userFromPath(ctx, req);
    readInput(req, DISABLE_INPUT, IDENTITY_INPUT);
    if (!user.mfa || user.mfa.methods.length === 0) return identityError('0042');
    delete user.mfa;
    delete user.pendingSetup;
    ctx.directory.endMfaLogins(user.id);
    return { status: 200, headers: { 'content-type': 'application/json' }, body: { enabled: false } };
  });
}
