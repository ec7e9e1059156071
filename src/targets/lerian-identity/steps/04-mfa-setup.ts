import { atLeast, cited, equals, inferredCheck, matches } from '../../../flow/step/checks.ts';
import { totpFrom } from '../../../flow/step/computed-value.ts';
import { BEARER, DOCS, jsonAnswer } from '../conventions.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { SOURCES } from '../sources.ts';

const MFA_URL = '{{identityPath}}/v1/users/{{userID}}/mfa';

/** Step 4: start an authenticator-app setup; the secret and recovery codes are shown once. */
export const setupMfa: StepDefinition = {
  id: '04-mfa-setup',
  title: 'Initiate MFA setup (app)',
  docs: `${DOCS}/initiate-mfa-setup`,
  request: { method: 'POST', url: `${MFA_URL}/setup`, auth: BEARER, body: { json: { mfaType: 'app' } } },
  expect: jsonAnswer(200, 'mfa-setup', SOURCES.setup),
  checks: [
    ...cited(
      SOURCES.setupExample,
      equals('/mfaType', 'app'),
      equals('/enabled', false, 'setup does not enable MFA yet'),
    ),
    ...cited(
      SOURCES.setupUrl,
      matches('/url', /^otpauth:\/\/totp\/.*[?&]secret=/, 'url is an otpauth://totp/ URL with the secret'),
    ),
    ...cited(SOURCES.recoveryCodes, atLeast('/recoveryCodes', 1, 'at least one recovery code')),
  ],
  captures: [
    { variable: 'totpSecret', pointer: '/secret', secret: true },
    { variable: 'totpUrl', pointer: '/url', secret: true },
    { variable: 'recoveryCode', pointer: '/recoveryCodes/0', secret: true },
  ],
};

export const statusBeforeEnable: StepDefinition = {
  id: '04b-mfa-status-before-enable',
  after: ['04-mfa-setup'],
  title: 'Get MFA status: not enabled yet',
  docs: `${DOCS}/get-mfa-status`,
  request: { method: 'GET', url: MFA_URL, auth: BEARER },
  expect: jsonAnswer(200, 'mfa-status', SOURCES.status),
  checks: cited(SOURCES.setupExample, equals('/enabled', false, 'MFA is not enabled before /enable')),
};

/** Why the answer to a wrong setup passcode is only inferred. */
const WRONG_PASSCODE_REASON =
  'the Verify MFA passcode page documents no answer for a wrong passcode; our emulator answers 200 ' +
  '{"verified":false}';

/** A wrong passcode must not verify (and must not count as the verification enable needs). */
export const verifyWrongPasscode: StepDefinition = {
  id: '04c-mfa-verify-wrong-passcode',
  title: 'Verify a wrong passcode: not verified',
  docs: `${DOCS}/verify-mfa-passcode`,
  request: {
    method: 'POST',
    url: `${MFA_URL}/verify`,
    auth: BEARER,
    body: { json: { passcode: '000000', mfaType: 'app', secret: '{{totpSecret}}' } },
  },
  // Not verifying is the point (documented); that it is a 200 {verified:false} is not.
  expect: {
    ...jsonAnswer(200, 'mfa-verified', SOURCES.verify),
    inferred: { status: WRONG_PASSCODE_REASON },
  },
  checks: [
    inferredCheck(equals('/verified', false, 'a wrong passcode is not verified'), WRONG_PASSCODE_REASON),
  ],
};

export const verifyPasscode: StepDefinition = {
  id: '04d-mfa-verify-passcode',
  after: ['04-mfa-setup'],
  title: 'Verify the current TOTP passcode',
  docs: `${DOCS}/verify-mfa-passcode`,
  derive: [totpFrom('totpSecret', 'totpCode')],
  request: {
    method: 'POST',
    url: `${MFA_URL}/verify`,
    auth: BEARER,
    body: { json: { passcode: '{{totpCode}}', mfaType: 'app', secret: '{{totpSecret}}' } },
  },
  expect: jsonAnswer(200, 'mfa-verified', SOURCES.verify),
  checks: cited(SOURCES.verified, equals('/verified', true, 'the current TOTP code is verified')),
};
