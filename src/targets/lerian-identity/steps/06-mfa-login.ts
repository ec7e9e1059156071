import { cited, echoes } from '../../../flow/step/checks.ts';
import { totpFrom } from '../../../flow/step/computed-value.ts';
import { DOCS, errorAnswer, errorFamily, jsonAnswer } from '../conventions.ts';
import { TOKEN_CHECKS, mfaLoginVerify, userLogin } from './mfa-login-requests.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { REASONS, SOURCES } from '../sources.ts';

/** Step 6: with MFA on, the user's password login is challenged. */
export const loginChallenge = userLogin(
  '06-login-mfa-challenge',
  'Log in as the user: an MFA challenge appears',
  'mfaToken',
);

export const completeChallengeWithTotp: StepDefinition = {
  id: '06b-complete-challenge-totp',
  title: 'Complete the MFA challenge with a TOTP code: a token',
  docs: `${DOCS}/verify-mfa-login`,
  derive: [totpFrom('totpSecret', 'loginTotpCode')],
  request: mfaLoginVerify({ mfaToken: '{{mfaToken}}', passcode: '{{loginTotpCode}}', mfaType: 'app' }),
  expect: jsonAnswer(200, 'oauth2-token', SOURCES.loginVerified),
  checks: TOKEN_CHECKS,
  captures: [{ variable: 'userAccessToken', pointer: '/accessToken', secret: true }],
};

/** The token is the user's own. */
export const userinfoOfMfaToken: StepDefinition = {
  id: '06c-userinfo-after-mfa',
  title: "The token from the challenge is the user's",
  docs: `${DOCS}/retrieve-user-information`,
  request: {
    method: 'GET',
    url: '{{authPath}}/v1/userinfo',
    auth: { type: 'bearer', token: '{{userAccessToken}}' },
  },
  expect: jsonAnswer(200, 'userinfo', SOURCES.userinfo),
  checks: cited(SOURCES.userinfoSub, echoes('/sub', '{{userID}}')),
};

/** An mfaToken completes one login only. */
export const reuseMfaToken: StepDefinition = {
  id: '06d-reuse-mfa-token',
  after: ['06b-complete-challenge-totp'],
  title: 'Complete the same challenge again: refused',
  docs: `${DOCS}/verify-mfa-login`,
  derive: [totpFrom('totpSecret', 'loginTotpCode')],
  request: mfaLoginVerify({ mfaToken: '{{mfaToken}}', passcode: '{{loginTotpCode}}', mfaType: 'app' }),
  expect: { ...errorAnswer(401, SOURCES.errorFormat), inferred: { status: REASONS.reusedMfaToken } },
  checks: cited(SOURCES.errorFormat, errorFamily('AUT')),
};
