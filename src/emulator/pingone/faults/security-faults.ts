import { Secret, TOTP } from 'otpauth';
import { serverScoped } from '../../http/index.ts';
import type { EmulatorFault } from '../../http/index.ts';
import { HAL_JSON, MEDIA } from '../wire/media-types.ts';
import { P1_MESSAGES } from '../wire/p1-error.ts';
import { matchPath, objectBody, requestObject } from './fault-support.ts';

const TOTP_SECRETS = Symbol('accepts-wrong-otp: device secrets');
const LAST_AUTHORIZATION = Symbol('accepts-missing-bearer: last accepted Authorization header');

/** Access-control and verification checks that are skipped. */
export const securityFaults: readonly EmulatorFault[] = [
  {
    name: 'accepts-wrong-otp',
    description:
      'Device activation succeeds with any otp: the fault remembers each TOTP secret from the create ' +
      'response and swaps in the correct code before the emulator checks it.',
    harmful: true,
    intercept: async (req, next) => {
      const secrets = serverScoped(req, TOTP_SECRETS, () => new Map<string, string>());
      const target = matchPath(req, 'device');
      if (req.method === 'POST' && req.contentType === MEDIA.deviceActivate && target) {
        const secret = secrets.get(target.deviceId ?? '');
        const body = requestObject(req);
        if (secret !== undefined && body) {
          const otp = new TOTP({
            secret: Secret.fromBase32(secret),
            algorithm: 'SHA1',
            digits: 6,
            period: 30,
          }).generate();
          req.rawBody = Buffer.from(JSON.stringify({ ...body, otp }));
        }
        return next();
      }
      const response = await next();
      const created = objectBody(response);
      if (req.method === 'POST' && response.status === 201 && created && matchPath(req, 'devices')) {
        if (typeof created.id === 'string' && typeof created.secret === 'string')
          secrets.set(created.id, created.secret);
      }
      return response;
    },
  },
  {
    name: 'accepts-missing-bearer',
    description:
      'Management requests without an Authorization header are served as if they carried the last ' +
      'accepted bearer token (before any token was accepted they still get 401).',
    harmful: true,
    intercept: async (req, next) => {
      if (!req.path.startsWith('/v1')) return next();
      const memory = serverScoped(req, LAST_AUTHORIZATION, () => ({
        header: undefined as string | undefined,
      }));
      const sent = req.headers.authorization;
      if (sent === undefined || sent.trim() === '') {
        if (memory.header !== undefined) req.headers.authorization = memory.header;
        return next();
      }
      const response = await next();
      if (response.status !== 401) memory.header = sent;
      return response;
    },
  },
  {
    name: 'accepts-unknown-user-id',
    description:
      'Requests for a user id that does not exist (the user, its password, mfaEnabled or devices) ' +
      'answer 200 (204 for DELETE) with a made-up body instead of 404.',
    harmful: true,
    intercept: async (req, next) => {
      const params =
        matchPath(req, 'user') ??
        matchPath(req, 'userPassword') ??
        matchPath(req, 'userMfaEnabled') ??
        matchPath(req, 'devices');
      const response = await next();
      const body = objectBody(response);
      if (!params || response.status !== 404 || body?.message !== P1_MESSAGES.NOT_FOUND) return response;
      if (req.method === 'DELETE') return { status: 204, headers: {} };
      return {
        status: 200,
        headers: { 'content-type': HAL_JSON },
        body: {
          _links: { self: { href: `${req.origin}${req.path}` } },
          id: params.userId,
          environment: { id: params.envId },
          ...(requestObject(req) ?? {}),
        },
      };
    },
  },
];
