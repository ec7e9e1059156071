import type { EmulatorMiddleware } from './types.ts';

/**
 * A named misbehaviour an emulator can be started with, so the suites can be shown to catch it.
 * The server composes faults around its router: a fault may answer on its own, rewrite the
 * request before calling `next`, or rewrite the response after it. Handlers never branch on faults.
 */
export interface EmulatorFault {
  /** Stable kebab-case name, used on the command line and in tests. */
  name: string;
  description: string;
  /** `false` for behaviour a conforming client must tolerate (extra fields, one 429, latency). */
  harmful: boolean;
  intercept: EmulatorMiddleware;
}
