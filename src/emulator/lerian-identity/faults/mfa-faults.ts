import { matchPattern } from '../../http/index.ts';
import type { EmulatorFault } from '../../http/index.ts';
import { totpCode } from '../../../otp/totp.ts';
import { PATHS, jsonObject, memoryOf, observed, rewriteBody } from './fault-memory.ts';

/** MFA checks that are skipped: each rewrites what the client sent into what would pass. */
export const mfaFaults: readonly EmulatorFault[] = [
  {
    name: 'enable-without-valid-recovery-code',
    description: 'POST …/mfa/enable succeeds whatever recoveryCode is sent (the code is not checked).',
    harmful: true,
    intercept: async (req, next) => {
      const user = req.method === 'POST' ? matchPattern(PATHS.enable, req.path) : undefined;
      const body = jsonObject(req.rawBody);
      const issued = user?.id ? memoryOf(req).setupByUserId.get(user.id) : undefined;
      if (
        body &&
        issued &&
        typeof body.recoveryCode === 'string' &&
        !issued.recoveryCodes.includes(body.recoveryCode)
      ) {
        rewriteBody(req, { ...body, recoveryCode: issued.recoveryCodes[0] ?? '' });
      }
      return observed(req, next);
    },
  },
  {
    name: 'accepts-wrong-passcode',
    description:
      'MFA passcodes are not checked: setup verify answers verified:true and the login challenge passes ' +
      'with any passcode.',
    harmful: true,
    intercept: async (req, next) => {
      const body = jsonObject(req.rawBody);
      const memory = memoryOf(req);
      const setupUser = req.method === 'POST' ? matchPattern(PATHS.setupVerify, req.path)?.id : undefined;
      const loginUser =
        req.method === 'POST' &&
        matchPattern(PATHS.loginVerify, req.path) &&
        typeof body?.mfaToken === 'string'
          ? memory.userIdByMfaToken.get(body.mfaToken)
          : undefined;
      const setup = memory.setupByUserId.get(setupUser ?? loginUser ?? '');
      if (body && setup && typeof body.passcode === 'string') {
        rewriteBody(req, {
          ...body,
          passcode: totpCode(setup.secret),
          ...(setupUser ? { secret: setup.secret } : {}),
        });
      }
      return observed(req, next);
    },
  },
  {
    name: 'skips-login-challenge',
    description: 'A password login of a user with MFA on answers a token at once, without the MFA challenge.',
    harmful: true,
    intercept: async (req, next) => {
      const response = await observed(req, next);
      const challenge = jsonObject(response.body);
      const userId =
        typeof challenge?.mfaToken === 'string'
          ? memoryOf(req).userIdByMfaToken.get(challenge.mfaToken)
          : undefined;
      const setup = userId ? memoryOf(req).setupByUserId.get(userId) : undefined;
      if (!challenge || !setup) return response;
      // Completes the challenge on the client's behalf, so the token is a real one.
      req.path = '/v1/login/mfa/verify';
      rewriteBody(req, { mfaToken: challenge.mfaToken, mfaType: 'app', passcode: totpCode(setup.secret) });
      return next();
    },
  },
];
