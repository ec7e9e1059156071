import type { EmulatorResponse } from '../../http/index.ts';
import type { LerianContext } from '../context.ts';
import type { TokenSubject } from './token-issuer.ts';

/** Issues an OAuth2Token for `subject`, remembering its refresh token; answers 200 with it. */
export async function tokenResponse(
  ctx: LerianContext,
  subject: TokenSubject,
  origin: string,
): Promise<EmulatorResponse> {
  const token = await ctx.issuer.oauth2Token(subject, origin, ctx.audience);
  ctx.directory.refreshGrants.set(token.refreshToken, {
    subject: { kind: subject.kind, id: subject.id },
    expiresAt: Date.now() + ctx.refreshTtlSeconds * 1000,
  });
  ctx.directory.issuedTokens.push({
    accessToken: token.accessToken,
    refreshToken: token.refreshToken,
    subject: subject.id,
  });
  return { status: 200, headers: { 'content-type': 'application/json' }, body: token };
}
