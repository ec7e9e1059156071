import type { EmulatorFault, EmulatorMiddleware } from '../../http/index.ts';
import { MEDIA } from '../wire/media-types.ts';
import { matchPath, objectBody, readInstead, requestObject } from './fault-support.ts';
import { newUsersMfaEnabled } from './new-users-mfa-enabled.ts';

/** PUT mfaEnabled answers 200 echoing the requested value, but nothing is written. */
const ignoreMfaEnabledPut: EmulatorMiddleware = async (req, next) => {
  const requested =
    req.method === 'PUT' && matchPath(req, 'userMfaEnabled') ? requestObject(req)?.mfaEnabled : undefined;
  if (typeof requested !== 'boolean') return next();
  const response = await readInstead(req, next);
  const body = objectBody(response);
  if (response.status === 200 && body) body.mfaEnabled = requested;
  return response;
};

/** Answers successes for writes that never reach the tenant's state. */
export const stateFaults: readonly EmulatorFault[] = [
  {
    name: 'mfa-enabled-not-persisted',
    description:
      'PUT …/users/{id}/mfaEnabled answers 200 echoing the requested value, but the user is unchanged.',
    harmful: true,
    intercept: ignoreMfaEnabledPut,
  },
  {
    name: 'mfa-enabled-ignored-default-true',
    description:
      'New users start with mfaEnabled true, and PUT …/mfaEnabled answers 200 echoing the requested ' +
      'value but changes nothing: a PUT of true looks like it worked.',
    harmful: true,
    intercept: (req, next) => newUsersMfaEnabled(req, () => ignoreMfaEnabledPut(req, next)),
  },
  {
    name: 'device-not-activated',
    description:
      'Device activation answers 200 with status ACTIVE, but the stored device stays ACTIVATION_REQUIRED.',
    harmful: true,
    intercept: async (req, next) => {
      if (req.method !== 'POST' || req.contentType !== MEDIA.deviceActivate || !matchPath(req, 'device'))
        return next();
      const response = await readInstead(req, next);
      const body = objectBody(response);
      if (response.status === 200 && body) body.status = 'ACTIVE';
      return response;
    },
  },
  {
    name: 'environment-not-deleted',
    description: 'DELETE /environments/{id} answers 204, but the environment stays.',
    harmful: true,
    intercept: async (req, next) => {
      if (req.method !== 'DELETE' || !matchPath(req, 'environment')) return next();
      const response = await readInstead(req, next);
      return response.status === 200 ? { status: 204, headers: {} } : response;
    },
  },
  {
    name: 'mfa-settings-not-persisted',
    description:
      'PUT mfaSettings answers 200 with the requested settings, but the stored settings are unchanged.',
    harmful: true,
    intercept: async (req, next) => {
      const requested =
        req.method === 'PUT' && matchPath(req, 'mfaSettings') ? requestObject(req) : undefined;
      if (!requested) return next();
      const response = await readInstead(req, next);
      const body = objectBody(response);
      if (response.status !== 200 || !body) return response;
      for (const key of ['pairing', 'lockout', 'phoneExtensions', 'users', 'authentication']) {
        if (requested[key] !== undefined) body[key] = requested[key];
      }
      body.updatedAt = new Date().toISOString();
      return response;
    },
  },
  {
    name: 'device-policy-update-not-persisted',
    description:
      'A device authentication policy write (PUT update or POST create) answers success echoing ' +
      'totp.enabled as sent, but the stored policy keeps TOTP disabled.',
    harmful: true,
    intercept: async (req, next) => {
      const writes =
        (req.method === 'PUT' && matchPath(req, 'devicePolicy')) ||
        (req.method === 'POST' && matchPath(req, 'devicePolicies'));
      const requested = writes ? requestObject(req) : undefined;
      const totp = requested?.totp;
      if (!requested || typeof totp !== 'object' || totp === null || Array.isArray(totp)) return next();
      const asked = (totp as Record<string, unknown>).enabled;
      req.rawBody = Buffer.from(JSON.stringify({ ...requested, totp: { ...totp, enabled: false } }));
      const response = await next();
      const stored = objectBody(response)?.totp;
      if (typeof stored === 'object' && stored !== null) (stored as Record<string, unknown>).enabled = asked;
      return response;
    },
  },
];
