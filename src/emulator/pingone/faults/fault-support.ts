import { compilePattern, matchPattern } from '../../http/index.ts';
import type { EmulatorRequest, EmulatorResponse } from '../../http/index.ts';

/** Paths the faults recognise, compiled once. */
export const PATHS = {
  token: compilePattern('/:envId/as/token'),
  environments: compilePattern('/v1/environments'),
  environment: compilePattern('/v1/environments/:envId'),
  users: compilePattern('/v1/environments/:envId/users'),
  user: compilePattern('/v1/environments/:envId/users/:userId'),
  userPassword: compilePattern('/v1/environments/:envId/users/:userId/password'),
  userMfaEnabled: compilePattern('/v1/environments/:envId/users/:userId/mfaEnabled'),
  devices: compilePattern('/v1/environments/:envId/users/:userId/devices'),
  device: compilePattern('/v1/environments/:envId/users/:userId/devices/:deviceId'),
  mfaSettings: compilePattern('/v1/environments/:envId/mfaSettings'),
  devicePolicies: compilePattern('/v1/environments/:envId/deviceAuthenticationPolicies'),
  devicePolicy: compilePattern('/v1/environments/:envId/deviceAuthenticationPolicies/:policyId'),
} as const;

export type PathName = keyof typeof PATHS;

/** The parameters of `req.path` if it matches the named pattern. */
export function matchPath(req: EmulatorRequest, name: PathName): Record<string, string> | undefined {
  return matchPattern(PATHS[name], req.path);
}

/** The response body when it is a JSON object, for in-place rewriting. */
export function objectBody(response: EmulatorResponse): Record<string, unknown> | undefined {
  const body = response.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

/** The request body parsed as a JSON object, or `undefined` when it is not one. */
export function requestObject(req: EmulatorRequest): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(req.rawBody.toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns the request into a GET of the same path and lets it through: authentication, role checks
 * and 404s still apply, but nothing is written. The caller then dresses the answer up as a success.
 */
export function readInstead(
  req: EmulatorRequest,
  next: () => Promise<EmulatorResponse>,
): Promise<EmulatorResponse> {
  req.method = 'GET';
  req.rawBody = Buffer.alloc(0);
  req.contentType = '';
  delete req.headers['content-type'];
  return next();
}

/** The device bodies inside a device response: the device itself or `_embedded.devices[]`. */
export function deviceBodies(body: Record<string, unknown>): Record<string, unknown>[] {
  const embedded = body._embedded as { devices?: unknown } | undefined;
  if (embedded && Array.isArray(embedded.devices)) {
    return embedded.devices.filter(
      (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
    );
  }
  return [body];
}
