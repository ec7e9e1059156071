import { randomUUID } from 'node:crypto';
import {
  connectionResetOnce,
  deleteFailsOnce,
  latency,
  rateLimitedOnce,
  unavailableOnce,
} from '../../http/index.ts';
import type { EmulatorFault } from '../../http/index.ts';
import { JSON_UTF8, HAL_JSON } from '../wire/media-types.ts';
import { P1_MESSAGES, p1Error } from '../wire/p1-error.ts';
import { objectBody } from './fault-support.ts';
import { newUsersMfaEnabledFault } from './new-users-mfa-enabled.ts';
import { environmentPropagationLag } from './propagation-lag.ts';

/** A management call under an environment (`/v1/environments/{id}/…`), not the environment itself. */
const UNDER_ENVIRONMENT = /^\/v1\/environments\/[^/]+\/.+/;

/**
 * Differences from our emulator that Ping's OpenAPI allows (pingone-go-client
 * pingone/api/openapi.yaml): the suites must accept them, reporting the inferred expectations
 * they did not meet as unconfirmed.
 */
const documentedLatitude: readonly EmulatorFault[] = [
  {
    name: 'unknown-environment-forbidden',
    description:
      'Answers 403 ACCESS_FAILED instead of 404 for a call under an environment that does not exist ' +
      '(OAS http.403.Forbidden.P14C63085: "This may occur if the environment doesn\'t exist").',
    harmful: false,
    intercept: async (req, next) => {
      const response = await next();
      const body = objectBody(response);
      const message = typeof body?.message === 'string' ? body.message : '';
      if (
        response.status !== 404 ||
        !UNDER_ENVIRONMENT.test(req.path) ||
        !message.startsWith('Unable to find environment')
      )
        return response;
      return p1Error(403, 'ACCESS_FAILED', P1_MESSAGES.ACCESS_FAILED_ROLE);
    },
  },
  {
    name: 'unauthorized-without-details',
    description: '401 bodies carry no details (OAS UnauthorizedError: details optional).',
    harmful: false,
    intercept: async (_req, next) => {
      const response = await next();
      const body = objectBody(response);
      if (response.status === 401 && body && typeof body.code === 'string') delete body.details;
      return response;
    },
  },
  {
    name: 'forbidden-without-id',
    description: '403 bodies carry no id (OAS ForbiddenError requires only code and message).',
    harmful: false,
    intercept: async (_req, next) => {
      const response = await next();
      const body = objectBody(response);
      if (response.status === 403 && body && typeof body.code === 'string') delete body.id;
      return response;
    },
  },
];

function addExtraFields(target: Record<string, unknown>): void {
  target.emulatorExtraField = 'ignore me';
  target.emulatorExtraObject = { note: 'Unknown fields must be tolerated.' };
}

/** Behaviour a conforming client must tolerate; a suite that fails on these is too strict. */
export const benignFaults: readonly EmulatorFault[] = [
  {
    name: 'extra-unknown-fields',
    description: 'Adds unknown fields to every JSON object body (and to each embedded collection item).',
    harmful: false,
    intercept: async (_req, next) => {
      const response = await next();
      const body = objectBody(response);
      if (!body) return response;
      addExtraFields(body);
      const embedded = body._embedded;
      if (typeof embedded === 'object' && embedded !== null) {
        for (const items of Object.values(embedded as Record<string, unknown>)) {
          if (Array.isArray(items))
            for (const item of items)
              if (typeof item === 'object' && item !== null) addExtraFields(item as Record<string, unknown>);
        }
      }
      return response;
    },
  },
  {
    name: 'plain-json-content-type',
    description: 'Answers Content-Type application/json instead of application/hal+json.',
    harmful: false,
    intercept: async (_req, next) => {
      const response = await next();
      if (response.headers?.['content-type'] !== HAL_JSON) return response;
      return { ...response, headers: { ...response.headers, 'content-type': JSON_UTF8 } };
    },
  },
  rateLimitedOnce(() =>
    p1Error(
      429,
      'REQUEST_LIMITED',
      P1_MESSAGES.REQUEST_LIMITED,
      [
        {
          code: 'LIMIT_EXCEEDED',
          message: 'Too many requests; retry after the time in Retry-After.',
          innerError: { retryAfter: new Date(Date.now() + 1000).toISOString() },
        },
      ],
      { 'retry-after': '1' },
    ),
  ),
  unavailableOnce(() => {
    const id = randomUUID();
    return {
      status: 503,
      headers: { 'content-type': JSON_UTF8, 'correlation-id': id, 'retry-after': '1' },
      body: {
        id,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is temporarily unavailable. Retry later.',
      },
    };
  }),
  connectionResetOnce,
  deleteFailsOnce(() => p1Error(500, 'UNEXPECTED_ERROR', P1_MESSAGES.UNEXPECTED_ERROR)),
  {
    name: 'slow',
    description: 'Adds 200 ms to every request.',
    harmful: false,
    intercept: latency(200),
  },
  environmentPropagationLag(),
  newUsersMfaEnabledFault,
  ...documentedLatitude,
];
