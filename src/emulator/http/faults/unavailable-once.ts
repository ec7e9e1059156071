import { routeOf } from '../route-key.ts';
import type { EmulatorFault } from '../fault.ts';
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';
import { firstTime } from './once.ts';

const SEEN = Symbol('unavailable-once: GET routes seen');

/**
 * Benign: the first GET of each route (ids masked, see `routeOf`) answers `answer(req)`, a 503
 * with `Retry-After`. Only GETs, which a client may safely resend; writes are never affected.
 */
export function unavailableOnce(answer: (req: EmulatorRequest) => EmulatorResponse): EmulatorFault {
  return {
    name: 'unavailable-once',
    description:
      'The first GET of each route (ids masked) answers 503 Service Unavailable with Retry-After: 1; ' +
      'writes are unaffected.',
    harmful: false,
    intercept: async (req, next) =>
      req.method === 'GET' && firstTime(req, SEEN, routeOf(req.path)) ? answer(req) : next(),
  };
}
