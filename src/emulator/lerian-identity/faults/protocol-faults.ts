import { jsonAsTextPlain, matchPattern, rewriteJsonResponses } from '../../http/index.ts';
import type { EmulatorFault } from '../../http/index.ts';
import { PATHS } from './fault-memory.ts';

/** Answers whose status, fields, error bodies or media type break the documented contract. */
export const protocolFaults: readonly EmulatorFault[] = [
  {
    name: 'error-without-code',
    description: 'ErrorMessage bodies lose their code field.',
    harmful: true,
    intercept: rewriteJsonResponses(
      (_req, response) => response.status >= 400,
      (body) => delete body.code,
    ),
  },
  {
    name: 'user-missing-id',
    description: 'User bodies (create and retrieve) lack the required id field.',
    harmful: true,
    intercept: rewriteJsonResponses(
      (req, response) =>
        response.status < 300 &&
        (matchPattern(PATHS.users, req.path) ?? matchPattern(PATHS.user, req.path)) !== undefined,
      (body) => delete body.id,
    ),
  },
  {
    name: 'create-user-wrong-status',
    description: 'POST /v1/users answers 200 instead of 201 Created.',
    harmful: true,
    intercept: async (req, next) => {
      const response = await next();
      return req.method === 'POST' && response.status === 201 && matchPattern(PATHS.users, req.path)
        ? { ...response, status: 200 }
        : response;
    },
  },
  jsonAsTextPlain,
];
