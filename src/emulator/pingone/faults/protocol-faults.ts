import { randomUUID } from 'node:crypto';
import { jsonAsTextPlain } from '../../http/index.ts';
import type { EmulatorFault } from '../../http/index.ts';
import { deviceBodies, matchPath, objectBody } from './fault-support.ts';

/** Responses whose status, fields or error bodies break the documented contract. */
export const protocolFaults: readonly EmulatorFault[] = [
  {
    name: 'device-missing-status',
    description: 'MFA device responses (create, read, list, activate) lack the status field.',
    harmful: true,
    intercept: async (req, next) => {
      const response = await next();
      const body = objectBody(response);
      if (body && response.status < 300 && (matchPath(req, 'devices') || matchPath(req, 'device'))) {
        for (const device of deviceBodies(body)) delete device.status;
      }
      return response;
    },
  },
  {
    name: 'create-user-returns-200',
    description: 'POST …/users answers 200 instead of 201 Created.',
    harmful: true,
    intercept: async (req, next) => {
      const response = await next();
      return req.method === 'POST' && response.status === 201 && matchPath(req, 'users')
        ? { ...response, status: 200 }
        : response;
    },
  },
  {
    name: 'create-environment-returns-200',
    description: 'POST /environments creates the environment but answers 200 instead of 201 Created.',
    harmful: true,
    intercept: async (req, next) => {
      const response = await next();
      return req.method === 'POST' && response.status === 201 && matchPath(req, 'environments')
        ? { ...response, status: 200 }
        : response;
    },
  },
  {
    name: 'create-user-wrong-location',
    description: 'POST …/users creates the user but its Location names another user.',
    harmful: true,
    intercept: async (req, next) => {
      const response = await next();
      const location = response.headers?.location;
      if (req.method !== 'POST' || response.status !== 201 || !matchPath(req, 'users') || !location)
        return response;
      const elsewhere = location.replace(/[^/]+$/, randomUUID());
      return { ...response, headers: { ...response.headers, location: elsewhere } };
    },
  },
  {
    name: 'error-without-code',
    description: 'P1Error bodies lose their code field.',
    harmful: true,
    intercept: async (_req, next) => {
      const response = await next();
      const body = objectBody(response);
      if (response.status >= 400 && body && typeof body.code === 'string') delete body.code;
      return response;
    },
  },
  {
    name: 'forbidden-instead-of-unauthorized',
    description: 'Answers 403 where PingOne documents 401 (missing, bad or expired bearer token).',
    harmful: true,
    intercept: async (_req, next) => {
      const response = await next();
      return response.status === 401 ? { ...response, status: 403 } : response;
    },
  },
  {
    name: 'token-wrong-type',
    description: 'The token endpoint answers token_type "bearer-ish" instead of "Bearer".',
    harmful: true,
    intercept: async (req, next) => {
      const response = await next();
      const body = objectBody(response);
      if (response.status === 200 && body && matchPath(req, 'token')) body.token_type = 'bearer-ish';
      return response;
    },
  },
  jsonAsTextPlain,
];
