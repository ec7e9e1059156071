import { randomUUID } from 'node:crypto';
import { EmulatorHttpError } from '../../http/index.ts';
import type { EmulatorResponse } from '../../http/index.ts';
import { JSON_UTF8 } from './media-types.ts';

/** Top-level messages PingOne uses, word for word where a source confirms them. */
export const P1_MESSAGES = {
  INVALID_DATA: 'The request could not be completed. One or more validation errors were in the request.',
  INVALID_REQUEST: 'The request could not be completed. The request was malformed or invalid.',
  NOT_FOUND: 'The request could not be completed. The requested resource was not found.',
  ACCESS_FAILED_TOKEN: 'The request could not be completed. You do not have access to this resource.',
  ACCESS_FAILED_ROLE: 'The actor attempting to perform the request is not authorized.',
  LICENSE_EXCEEDED:
    'You do not have permissions or are not licensed to make this request, or your license is exceeded.',
  REQUEST_LIMITED: 'The request could not be completed. The request was rate limited.',
  UNEXPECTED_ERROR: 'An unexpected error occurred.',
} as const;

export interface P1ErrorDetail {
  code: string;
  target?: string;
  message: string;
  innerError?: Record<string, unknown>;
}

/**
 * A P1Error response `{id, code, message, details?}`. The error `id` doubles as the response's
 * `Correlation-Id`, so a user quoting either one points at the same request.
 */
export function p1Error(
  status: number,
  code: string,
  message: string,
  details?: readonly P1ErrorDetail[],
  headers: Record<string, string> = {},
): EmulatorResponse {
  const id = randomUUID();
  const body: Record<string, unknown> = { id, code, message };
  if (details && details.length > 0) body.details = details;
  return { status, headers: { 'content-type': JSON_UTF8, 'correlation-id': id, ...headers }, body };
}

/** 400 `INVALID_DATA` with validation details. */
export function invalidData(details: readonly P1ErrorDetail[]): EmulatorResponse {
  return p1Error(400, 'INVALID_DATA', P1_MESSAGES.INVALID_DATA, details);
}

/** 400 `INVALID_REQUEST` (malformed body, bad parameter). */
export function invalidRequest(details?: readonly P1ErrorDetail[]): EmulatorResponse {
  return p1Error(400, 'INVALID_REQUEST', P1_MESSAGES.INVALID_REQUEST, details);
}

/** 404 `NOT_FOUND`, with PingOne's generic message unless a specific one is known. */
export function notFound(message: string = P1_MESSAGES.NOT_FOUND): EmulatorResponse {
  return p1Error(404, 'NOT_FOUND', message);
}

/** 404 for an environment id that does not exist (the message `ReadOneEnvironment` returns). */
export function environmentNotFound(environmentId: string): EmulatorResponse {
  return notFound(`Unable to find environment with ID: '${environmentId}'`);
}

/** Aborts the current handler with `response` (see the error-mapping middleware). */
export function fail(response: EmulatorResponse): never {
  throw new EmulatorHttpError(response);
}
