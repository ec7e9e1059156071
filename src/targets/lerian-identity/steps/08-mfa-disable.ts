import { absent, cited, equals } from '../../../flow/step/checks.ts';
import { BEARER, DOCS, jsonAnswer } from '../conventions.ts';
import { USER_LOGIN } from './mfa-login-requests.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { INFERRED, SOURCES } from '../sources.ts';

/**
 * Disable MFA. Lerian documents that the call exists but not its path: the idflow emulator
 * serves `POST …/mfa/disable`, so these steps run against the emulator only.
 */
export const disableMfa: StepDefinition = {
  id: '08-disable-mfa',
  after: ['05b-enable-mfa'],
  title: 'Disable MFA (emulator path POST …/mfa/disable)',
  docs: `${DOCS}/am-identity-apis`,
  request: { method: 'POST', url: '{{identityPath}}/v1/users/{{userID}}/mfa/disable', auth: BEARER },
  expect: jsonAnswer(200, 'mfa-enabled', INFERRED.disable),
  checks: cited(INFERRED.disable, equals('/enabled', false)),
};

export const statusAfterDisable: StepDefinition = {
  id: '08b-mfa-status-disabled',
  after: ['08-disable-mfa'],
  title: 'Get MFA status: disabled, no methods',
  docs: `${DOCS}/get-mfa-status`,
  request: { method: 'GET', url: '{{identityPath}}/v1/users/{{userID}}/mfa', auth: BEARER },
  expect: jsonAnswer(200, 'mfa-status', SOURCES.status),
  checks: cited(
    INFERRED.afterDisable,
    equals('/enabled', false, 'status shows MFA disabled'),
    equals('/methods', [], 'no methods left'),
  ),
};

export const loginWithoutChallenge: StepDefinition = {
  id: '08c-login-without-challenge',
  after: ['08-disable-mfa'],
  title: 'Log in as the user: a token at once, no challenge',
  docs: `${DOCS}/request-access-token`,
  request: USER_LOGIN,
  expect: jsonAnswer(200, 'oauth2-token', SOURCES.token),
  checks: cited(SOURCES.challengeOnlyWithMfa, absent('/mfaToken', 'no challenge once MFA is disabled')),
};
