import type { EmulatorFault } from '../fault.ts';
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';
import { firstTime } from './once.ts';

const SEEN = Symbol('delete-fails-once: DELETE paths seen');

/**
 * Benign: the first DELETE of each path answers `answer(req)`, a 500, without deleting; the next
 * DELETE of it is served. A client tearing down must send it again (DELETE is idempotent), or
 * leave the resource for its drain; giving up leaves it in the tenant.
 */
export function deleteFailsOnce(answer: (req: EmulatorRequest) => EmulatorResponse): EmulatorFault {
  return {
    name: 'delete-fails-once',
    description: 'The first DELETE of each path answers 500 Internal Server Error and deletes nothing.',
    harmful: false,
    intercept: async (req, next) =>
      req.method === 'DELETE' && firstTime(req, SEEN, req.path) ? answer(req) : next(),
  };
}
