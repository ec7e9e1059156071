import { absent, cited, equals } from '../../../flow/step/checks.ts';
import { DOCS, jsonAnswer } from '../conventions.ts';
import type { RequestTemplate, StepDefinition } from '../../../flow/step/step.ts';
import type { JsonTemplate } from '../../../flow/step/template.ts';
import { SOURCES } from '../sources.ts';

/** The test user's password login. */
export const USER_LOGIN: RequestTemplate = {
  method: 'POST',
  url: '{{authPath}}/v1/login/oauth/access_token',
  auth: { type: 'none' },
  body: { json: { grantType: 'password', username: '{{username}}', password: '{{userPassword}}' } },
};

/**
 * The test user's password login; with MFA on it must answer a challenge, not a token, so it
 * observes MFA being enabled (step 05b).
 */
export function userLogin(id: string, title: string, mfaTokenVariable: string): StepDefinition {
  return {
    id,
    title,
    after: ['05b-enable-mfa'],
    docs: `${DOCS}/request-access-token`,
    request: USER_LOGIN,
    expect: jsonAnswer(200, 'mfa-challenge', SOURCES.challenge),
    checks: cited(
      SOURCES.challengeOnlyWithMfa,
      absent('/accessToken', 'no access token before the second factor'),
    ),
    captures: [{ variable: mfaTokenVariable, pointer: '/mfaToken', secret: true }],
  };
}

/** `POST {{authPath}}/v1/login/mfa/verify` with `json` as the body. */
export function mfaLoginVerify(json: JsonTemplate): RequestTemplate {
  return { method: 'POST', url: '{{authPath}}/v1/login/mfa/verify', auth: { type: 'none' }, body: { json } };
}

/** A completed challenge answers the normal OAuth2Token. */
export const TOKEN_CHECKS = [
  ...cited(SOURCES.token, equals('/tokenType', 'Bearer')),
  ...cited(SOURCES.loginVerified, absent('/mfaToken', 'the answer is a token, not another challenge')),
];
