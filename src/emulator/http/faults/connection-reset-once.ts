import { ConnectionReset } from '../connection-reset.ts';
import type { EmulatorFault } from '../fault.ts';
import { firstTime } from './once.ts';

const SEEN = Symbol('connection-reset-once: GET paths seen');

/**
 * Benign: the first GET of each path gets its connection reset instead of an answer. Only GETs,
 * which a client may safely resend; a write whose fate is unknown must never be replayed blindly.
 */
export const connectionResetOnce: EmulatorFault = {
  name: 'connection-reset-once',
  description:
    'The first GET of each path has its TCP connection reset instead of an answer; writes are unaffected.',
  harmful: false,
  intercept: async (req, next) => {
    if (req.method === 'GET' && firstTime(req, SEEN, req.path)) throw new ConnectionReset();
    return next();
  },
};
