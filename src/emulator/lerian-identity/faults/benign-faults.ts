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

/** The auth middleware's plain-text 401 bodies, by the ErrorMessage code our emulator answers. */
const PLAIN_TEXT_401: Readonly<Record<string, string>> = {
  'IDE-0008': 'Missing Token',
  'IDE-0009': 'Unauthorized',
};

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
  {
    name: 'unauthorized-as-plain-text',
    description:
      'A missing or refused bearer token answers 401 text/plain "Missing Token" / "Unauthorized", as the auth ' +
      'middleware Lerian plugins use does, instead of an ErrorMessage with IDE-0008/IDE-0009.',
    harmful: false,
    intercept: async (_req, next) => {
      const response = await next();
      const code = (response.body as { code?: unknown } | undefined)?.code;
      const text = PLAIN_TEXT_401[typeof code === 'string' ? code : ''];
      if (response.status !== 401 || text === undefined) return response;
      return { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text };
    },
  },
];
