import { performance } from 'node:perf_hooks';
import type { Middleware } from './types.ts';

/**
 * Sets `durationMs` to the time the whole exchange took as the caller sees it, including every
 * piece composed inside (for example a retry).
 */
export const timing: Middleware = async (request, next) => {
  const started = performance.now();
  const response = await next(request);
  return { ...response, durationMs: performance.now() - started };
};
