import type { EmulatorRequest, EmulatorResponse, Router } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import type { UserRecord } from '../state/model.ts';
import { authError, refuse } from '../wire/lerian-error.ts';
import { AUTH_INPUT, readInput, text } from '../wire/input.ts';
import { tokenResponse } from './issue-token.ts';
import { startMfaLogin } from './mfa-login-session.ts';

const GRANT_TYPES = ['password', 'client_credentials', 'refresh_token'];

const TOKEN_INPUT = {
  fields: {
    grantType: 'string',
    username: 'string',
    password: 'string',
    clientId: 'string',
    clientSecret: 'string',
    refreshToken: 'string',
    scope: 'string',
  },
  required: ['grantType'],
} as const;

const REFRESH_INPUT = {
  fields: { refreshToken: 'string', scope: 'string' },
  required: ['refreshToken'],
} as const;

function requireFields(body: Record<string, unknown>, grantType: string, names: readonly string[]): void {
  const absent = names.filter((name) => !text(body, name));
  if (absent.length > 0) {
    refuse(
      authError('0014', {
        argument: `'${grantType}'`,
        fields: Object.fromEntries(absent.map((name) => [name, `${name} is required for ${grantType}`])),
      }),
    );
  }
}

/** Client credentials sent along a password login (the Console does) must be right too. */
function checkOptionalClient(ctx: LerianContext, body: Record<string, unknown>): void {
  const clientId = text(body, 'clientId');
  if (clientId === undefined) return;
  const app = ctx.directory.applicationByClientId(clientId);
  if (!app || app.clientSecret !== text(body, 'clientSecret')) refuse(authError('1004'));
}

async function passwordGrant(
  ctx: LerianContext,
  req: EmulatorRequest,
  body: Record<string, unknown>,
): Promise<EmulatorResponse> {
  requireFields(body, 'password', ['username', 'password']);
  checkOptionalClient(ctx, body);
  const user: UserRecord | undefined = ctx.directory.userByUsername(text(body, 'username') ?? '');
  if (!user || user.password !== text(body, 'password')) return authError('1002');
  if (user.mfa && user.mfa.methods.length > 0) return startMfaLogin(ctx, user);
  return tokenResponse(ctx, { kind: 'user', id: user.id, name: user.username }, req.origin);
}

async function clientCredentialsGrant(
  ctx: LerianContext,
  req: EmulatorRequest,
  body: Record<string, unknown>,
): Promise<EmulatorResponse> {
  requireFields(body, 'client_credentials', ['clientId', 'clientSecret']);
  const app = ctx.directory.applicationByClientId(text(body, 'clientId') ?? '');
  if (!app || app.clientSecret !== text(body, 'clientSecret')) return authError('1004');
  return tokenResponse(ctx, { kind: 'application', id: app.id, name: app.name }, req.origin);
}

/** Exchanges a refresh token once: the old one is revoked when the new pair is issued. */
async function refresh(
  ctx: LerianContext,
  req: EmulatorRequest,
  refreshToken: string,
): Promise<EmulatorResponse> {
  const grant = ctx.directory.refreshGrants.get(refreshToken);
  ctx.directory.refreshGrants.delete(refreshToken);
  if (!grant || grant.expiresAt <= Date.now()) return authError('1005');
  const { kind, id } = grant.subject;
  const name =
    kind === 'user' ? ctx.directory.users.get(id)?.username : ctx.directory.applications.get(id)?.name;
  if (name === undefined) return authError('1005');
  return tokenResponse(ctx, { kind, id, name }, req.origin);
}

/** `POST /v1/login/oauth/access_token` and `POST /v1/login/oauth/refresh_token`. */
export function registerAccessTokenRoutes(router: Router, ctx: LerianContext): void {
  router.on('POST', '/v1/login/oauth/access_token', async (req) => {
    const body = readInput(req, TOKEN_INPUT, AUTH_INPUT);
    const grantType = text(body, 'grantType') ?? '';
    if (!GRANT_TYPES.includes(grantType)) return authError('0013', { argument: `'${grantType}'` });
    if (grantType === 'password') return passwordGrant(ctx, req, body);
    if (grantType === 'client_credentials') return clientCredentialsGrant(ctx, req, body);
    requireFields(body, grantType, ['refreshToken']);
    return refresh(ctx, req, text(body, 'refreshToken') ?? '');
  });
  router.on('POST', '/v1/login/oauth/refresh_token', async (req) => {
    const body = readInput(req, REFRESH_INPUT, AUTH_INPUT);
    return refresh(ctx, req, text(body, 'refreshToken') ?? '');
  });
}
