import {
  connectionResetOnce,
  deleteFailsOnce,
  latency,
  rateLimitedOnce,
  rewriteJsonResponses,
  unavailableOnce,
} from '../../http/index.ts';
import type { EmulatorFault, EmulatorResponse } from '../../http/index.ts';

/** An ErrorMessage-shaped answer from the gateway in front of the plugins, with Retry-After. */
function gatewayError(status: number, code: string, title: string, message: string): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'retry-after': '1' },
    body: { code, title, message },
  };
}

/** Behaviour a conforming client must tolerate; a suite that fails on these is too strict. */
export const benignFaults: readonly EmulatorFault[] = [
  {
    name: 'extra-unknown-fields',
    description: 'Adds an unknown field to every JSON object answered (a newer API version).',
    harmful: false,
    intercept: rewriteJsonResponses(
      () => true,
      (body) => (body.addedByNewerVersion = { note: 'clients must ignore unknown fields' }),
    ),
  },
  {
    name: 'json-with-charset',
    description: 'Answers Content-Type application/json; charset=utf-8 instead of a bare application/json.',
    harmful: false,
    intercept: async (_req, next) => {
      const response = await next();
      if (response.headers?.['content-type'] !== 'application/json') return response;
      return {
        ...response,
        headers: { ...response.headers, 'content-type': 'application/json; charset=utf-8' },
      };
    },
  },
  rateLimitedOnce(() =>
    gatewayError(
      429,
      'TOO_MANY_REQUESTS',
      'Too Many Requests',
      'Rate limit exceeded; retry after the time in Retry-After.',
    ),
  ),
  unavailableOnce(() =>
    gatewayError(
      503,
      'SERVICE_UNAVAILABLE',
      'Service Unavailable',
      'The service is temporarily unavailable. Retry later.',
    ),
  ),
  connectionResetOnce,
  deleteFailsOnce(() => ({
    status: 500,
    headers: { 'content-type': 'application/json' },
    body: { code: 'IDE-0001', title: 'Internal Server Error', message: 'An unexpected error occurred.' },
  })),
  { name: 'slow', description: 'Adds 200 ms to every request.', harmful: false, intercept: latency(200) },
];
