import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorMiddleware } from './types.ts';

/** Delays every request by `ms` milliseconds before handling it. */
export function latency(ms: number): EmulatorMiddleware {
  return async (_req, next) => {
    if (ms > 0) await sleep(ms);
    return next();
  };
}
