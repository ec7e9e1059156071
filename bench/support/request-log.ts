import { performance } from 'node:perf_hooks';
import type { EmulatorFault } from '../../src/emulator/http/index.ts';

/** One request the emulator received. */
export interface LoggedRequest {
  /** `performance.now()` when the emulator's handler got the request (its body read). */
  readonly at: number;
  readonly method: string;
  readonly path: string;
}

/** Every request an emulator received, in order, and the benign fault that records them. */
export interface RequestLog {
  readonly requests: readonly LoggedRequest[];
  /** Outermost among the faults: it records each request as it arrives and changes nothing. */
  readonly recorder: EmulatorFault;
  /** The requests from index `from` on. */
  since(from: number): readonly LoggedRequest[];
}

/** A new, empty request log. */
export function createRequestLog(): RequestLog {
  const requests: LoggedRequest[] = [];
  return {
    requests,
    recorder: {
      name: 'bench-request-log',
      description: 'records when each request arrives (the benchmark), changing nothing',
      harmful: false,
      intercept: (req, next) => {
        requests.push({ at: performance.now(), method: req.method, path: req.path });
        return next();
      },
    },
    since: (from) => requests.slice(from),
  };
}
