import { performance } from 'node:perf_hooks';
import { TransportError } from './transport-error.ts';
import { describeRunDeadline, type RunDeadline } from '../process/run-deadline.ts';
import type { HttpRequest, Middleware } from './types.ts';

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** RUN_DEADLINE for `request`: not sent at all, or stopped in flight after `waitedMs`. */
function deadlineError(
  deadline: RunDeadline,
  request: HttpRequest,
  inFlight?: { waitedMs: number },
): TransportError {
  const what = inFlight
    ? `was stopped in flight after ${Math.round(inFlight.waitedMs)} ms without a complete response`
    : 'was not sent';
  return new TransportError({
    code: 'RUN_DEADLINE',
    // The server (or a proxy) was too slow or stuck for the time the run was given; not a setting to fix.
    fault: 'api',
    method: request.method,
    url: request.url,
    // No cause: the abort's DOMException would only add a screen of constants to the report.
    message:
      `${request.method} ${pathOf(request.url)} ${what}: ${describeRunDeadline(deadline)} passed; ` +
      `teardown still runs.`,
  });
}

/**
 * Holds every send to the whole-run deadline: after it, a request fails at once with
 * TransportError `RUN_DEADLINE`; before it, the request goes out with an abort signal that
 * fires when the deadline passes, so a hung server cannot hold the run (the per-request timeout
 * and the step deadline may be longer). Requests marked `teardown` pass untouched. Sits next to
 * the network: it checks every attempt and token refresh, and the request copy carrying the
 * signal is seen by nothing that keys on the caller's request object.
 */
export function runDeadline(deadline: RunDeadline): Middleware {
  return async (request, next) => {
    if (request.teardown) return next(request);
    if (deadline.passed()) throw deadlineError(deadline, request);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), deadline.remainingMs());
    const signal = request.signal ? AbortSignal.any([request.signal, controller.signal]) : controller.signal;
    const started = performance.now();
    try {
      return await next({ ...request, signal });
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      throw deadlineError(deadline, request, { waitedMs: performance.now() - started });
    } finally {
      clearTimeout(timer);
    }
  };
}
