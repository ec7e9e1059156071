import type { EmulatorFault } from '../fault.ts';
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';
import { firstTime } from './once.ts';

const SEEN = Symbol('rate-limited-once: methods seen');

/**
 * Benign: the first request of each HTTP method (GET, POST, PUT, …) answers `answer(req)`, a 429
 * with `Retry-After`. A 429 means the request was not processed, so a client may resend any
 * method after the wait. Once per method keeps the added waiting to a few seconds per run.
 */
export function rateLimitedOnce(answer: (req: EmulatorRequest) => EmulatorResponse): EmulatorFault {
  return {
    name: 'rate-limited-once',
    description:
      'The first request of each HTTP method answers 429 Too Many Requests with Retry-After: 1; the ' +
      'resent request is served.',
    harmful: false,
    intercept: async (req, next) => (firstTime(req, SEEN, req.method) ? answer(req) : next()),
  };
}
