import { DOCS, errorAnswer, errorFamily, jsonAnswer } from '../conventions.ts';
import { TOKEN_CHECKS, mfaLoginVerify, userLogin } from './mfa-login-requests.ts';
import type { StepDefinition } from '../../../flow/step/step.ts';
import { cited } from '../../../flow/step/checks.ts';
import { REASONS, SOURCES } from '../sources.ts';

const VERIFY_DOCS = `${DOCS}/verify-mfa-login`;

export const secondLogin = userLogin('07-second-login', 'Log in again: a new challenge', 'secondMfaToken');

export const wrongLoginPasscode: StepDefinition = {
  id: '07b-wrong-login-passcode',
  title: 'Answer the challenge with a wrong passcode: refused',
  docs: VERIFY_DOCS,
  request: mfaLoginVerify({ mfaToken: '{{secondMfaToken}}', passcode: '000000', mfaType: 'app' }),
  expect: {
    ...errorAnswer(401, SOURCES.errorFormat),
    inferred: { status: REASONS.wrongLoginPasscode, refusalDocumented: true },
  },
  checks: cited(SOURCES.errorFormat, errorFamily('AUT')),
};

/** Step 7: a recovery code completes a challenge once. */
export const completeWithRecoveryCode: StepDefinition = {
  id: '07c-complete-with-recovery-code',
  title: 'Complete the challenge with a recovery code: a token',
  docs: VERIFY_DOCS,
  request: mfaLoginVerify({
    mfaToken: '{{secondMfaToken}}',
    recoveryCode: '{{recoveryCode}}',
    mfaType: 'app',
  }),
  expect: jsonAnswer(200, 'oauth2-token', SOURCES.recoveryInsteadOfPasscode),
  checks: TOKEN_CHECKS,
};

export const thirdLogin = userLogin(
  '07d-third-login',
  'Log in a third time: a new challenge',
  'thirdMfaToken',
);

export const reuseRecoveryCode: StepDefinition = {
  id: '07e-reuse-recovery-code',
  after: ['07c-complete-with-recovery-code'],
  title: 'The used recovery code is refused the second time',
  docs: VERIFY_DOCS,
  request: mfaLoginVerify({
    mfaToken: '{{thirdMfaToken}}',
    recoveryCode: '{{recoveryCode}}',
    mfaType: 'app',
  }),
  expect: {
    ...errorAnswer(401, SOURCES.errorFormat),
    inferred: { status: REASONS.reusedRecoveryCode, refusalDocumented: true },
  },
  checks: cited(SOURCES.errorFormat, errorFamily('AUT')),
};
