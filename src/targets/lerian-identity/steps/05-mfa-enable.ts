import { cited, equals, listContains } from '../../../flow/step/checks.ts';
import { BEARER, DOCS, errorAnswer, errorCode, errorFamily, jsonAnswer } from '../conventions.ts';
import { enableRequest } from './enable-request.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { SOURCES, enableExample } from '../sources.ts';

const ENABLE_DOCS = `${DOCS}/enable-mfa`;
const MFA_URL = '{{identityPath}}/v1/users/{{userID}}/mfa';

/** "A valid recovery code is required to confirm the action": a made-up one is refused. */
export const enableWrongRecoveryCode: StepDefinition = {
  id: '05-enable-wrong-recovery-code',
  after: ['04d-mfa-verify-passcode'],
  title: 'Enable MFA with a recovery code the setup never issued: refused',
  docs: ENABLE_DOCS,
  request: enableRequest({ recoveryCode: 'idflow0not0issued', mfaType: 'app', secret: '{{totpSecret}}' }),
  // The docs require a valid code; which status refuses a wrong one they do not say.
  expect: {
    ...errorAnswer(400, SOURCES.recoveryCodeRequired),
    inferred: {
      status:
        'the Enable MFA page lists no error for a recovery code the setup never issued; our emulator ' +
        'answers 400',
      refusalDocumented: true,
    },
  },
  checks: cited(SOURCES.errorFormat, errorFamily('IDE')),
};

/** Step 5: the Enable MFA page itself. */
export const enableMfa: StepDefinition = {
  id: '05b-enable-mfa',
  after: ['04d-mfa-verify-passcode'],
  title: 'Enable MFA with a recovery code from the setup',
  docs: ENABLE_DOCS,
  request: enableRequest({ recoveryCode: '{{recoveryCode}}', mfaType: 'app', secret: '{{totpSecret}}' }),
  expect: jsonAnswer(200, 'mfa-enabled', SOURCES.enabled),
  checks: cited(SOURCES.enabledExample, equals('/enabled', true)),
};

export const enableTwice: StepDefinition = {
  id: '05c-enable-twice',
  after: ['05b-enable-mfa'],
  title: 'Enable MFA a second time: IDE-0040',
  docs: ENABLE_DOCS,
  request: enableRequest({ recoveryCode: '{{recoveryCode}}', mfaType: 'app', secret: '{{totpSecret}}' }),
  expect: errorAnswer(400, SOURCES.enable400),
  checks: cited(enableExample('IDE-0040'), errorCode('IDE-0040')),
};

/** The flag really flipped: the status shows it, with the app method. */
export const statusAfterEnable: StepDefinition = {
  id: '05d-mfa-status-enabled',
  after: ['05b-enable-mfa'],
  title: 'Get MFA status: enabled, methods contains app',
  docs: `${DOCS}/get-mfa-status`,
  request: { method: 'GET', url: MFA_URL, auth: BEARER },
  expect: jsonAnswer(200, 'mfa-status', SOURCES.status),
  checks: cited(
    SOURCES.statusEnabled,
    equals('/enabled', true, 'status shows MFA enabled'),
    listContains('/methods', { '': 'app' }, 'methods contains app'),
    equals('/totpEnabled', true),
  ),
};

export const setPreferredMethod: StepDefinition = {
  id: '05e-set-preferred-method',
  after: ['05b-enable-mfa'],
  title: 'Set the preferred MFA method to app',
  docs: `${DOCS}/set-preferred-mfa-method`,
  request: { method: 'PATCH', url: `${MFA_URL}/preferred`, auth: BEARER, body: { json: { mfaType: 'app' } } },
  expect: jsonAnswer(200, 'mfa-preferred', SOURCES.preferred),
  checks: cited(SOURCES.preferredExample, equals('/preferredType', 'app')),
};
