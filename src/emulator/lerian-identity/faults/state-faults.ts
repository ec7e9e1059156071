import { matchPattern } from '../../http/index.ts';
import type { EmulatorFault } from '../../http/index.ts';
import { PATHS, jsonObject } from './fault-memory.ts';

/** Answers successes for writes that never reach the directory. */
export const stateFaults: readonly EmulatorFault[] = [
  {
    name: 'mfa-disable-not-persisted',
    description:
      'POST …/mfa/disable answers 200 {"enabled":false}, but MFA stays on (status and login are unchanged).',
    harmful: true,
    intercept: async (req, next) => {
      const user = req.method === 'POST' ? matchPattern(PATHS.disable, req.path) : undefined;
      if (!user) return next();
      // Reads the MFA status instead of writing; authentication and 404s still apply.
      const original = {
        method: req.method,
        path: req.path,
        rawBody: req.rawBody,
        contentType: req.contentType,
      };
      Object.assign(req, {
        method: 'GET',
        path: `/v1/users/${user.id ?? ''}/mfa`,
        rawBody: Buffer.alloc(0),
        contentType: '',
      });
      const status = await next();
      if (status.status === 200 && jsonObject(status.body)?.enabled === true) {
        return { status: 200, headers: { 'content-type': 'application/json' }, body: { enabled: false } };
      }
      Object.assign(req, original);
      return next();
    },
  },
];
