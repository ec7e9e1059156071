import { ConfigError } from '../errors/config-error.ts';

/** Epoch ms at which the run's deadline passes; set by `idflow run` in the process it supervises only. */
export const RUN_DEADLINE_AT_VARIABLE = 'IDFLOW_RUN_DEADLINE_AT';
/** The deadline as the user wrote it (`20m`), for messages. */
export const RUN_DEADLINE_LABEL_VARIABLE = 'IDFLOW_RUN_DEADLINE';

/**
 * The whole-run deadline (`idflow run --deadline`): one instant for every step, request and retry
 * of a run, so a hung or throttling server cannot hold the run past it. Teardown is exempt.
 */
export interface RunDeadline {
  /** When it passes, epoch ms. */
  readonly atMs: number;
  /** As the user wrote it, such as `20m`. */
  readonly label: string;
  /** Time left, ms; zero or less once it has passed. */
  remainingMs(): number;
  passed(): boolean;
}

/** A deadline at `atMs`; `now` is the clock, default `Date.now`. */
export function createRunDeadline(options: { atMs: number; label: string; now?: () => number }): RunDeadline {
  const now = options.now ?? Date.now;
  return {
    atMs: options.atMs,
    label: options.label,
    remainingMs: () => options.atMs - now(),
    passed: () => now() >= options.atMs,
  };
}

/** How messages name it: `the whole-run deadline (20m, --deadline)`. */
export function describeRunDeadline(deadline: RunDeadline): string {
  return `the whole-run deadline (${deadline.label}, --deadline)`;
}

/** The variables that hand `deadline` to the process `idflow run` supervises. */
export function runDeadlineEnvironment(deadline: RunDeadline): Record<string, string> {
  return { [RUN_DEADLINE_AT_VARIABLE]: String(deadline.atMs), [RUN_DEADLINE_LABEL_VARIABLE]: deadline.label };
}

/**
 * The deadline `idflow run` set for this process, or undefined: suites run by vitest directly, and
 * the supervisor itself (whose drain must finish whatever the time), have none.
 */
export function runDeadlineFromEnvironment(env: NodeJS.ProcessEnv = process.env): RunDeadline | undefined {
  const at = env[RUN_DEADLINE_AT_VARIABLE];
  if (at === undefined || at === '') return undefined;
  const atMs = Number(at);
  if (!Number.isSafeInteger(atMs) || atMs <= 0) {
    throw new ConfigError({
      code: 'CONFIG_INVALID',
      variable: RUN_DEADLINE_AT_VARIABLE,
      example: `${RUN_DEADLINE_AT_VARIABLE}=${Date.now() + 30 * 60_000}`,
      message:
        `${RUN_DEADLINE_AT_VARIABLE} must be a time in epoch milliseconds, got "${at}". 'idflow ` +
        `run --deadline 30m' sets it; unset it otherwise.`,
    });
  }
  return createRunDeadline({ atMs, label: env[RUN_DEADLINE_LABEL_VARIABLE] || new Date(atMs).toISOString() });
}
