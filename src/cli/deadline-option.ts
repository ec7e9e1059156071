import { parseDuration } from '../process/duration.ts';
import { DEFAULT_TEARDOWN_GRACE_MS } from '../supervisor/deadline-backstop.ts';
import { UsageError } from './usage-error.ts';

/** `idflow run`'s default whole-run deadline: a run takes well under a minute; Retry-After can stretch it. */
export const DEFAULT_DEADLINE = '30m';

/** Longest accepted deadline or grace; also keeps every timer within what Node can schedule. */
const MAX_MS = 7 * 86_400_000;

/**
 * Overrides the teardown grace ({@link DEFAULT_TEARDOWN_GRACE_MS}) with a duration such as `2m`; `0s` allows
 * none.
 */
export const TEARDOWN_GRACE_VARIABLE = 'IDFLOW_TEARDOWN_GRACE';

/** `--deadline 20m`: its milliseconds and its text for messages, or UsageError naming the option. */
export function deadlineOption(value: string): { ms: number; label: string } {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0 || ms > MAX_MS) {
    throw new UsageError(
      `--deadline must be a number above 0 with a unit s, m, h or d, at most 7d, got "${value}" (e.g. ` +
        `--deadline 20m).`,
    );
  }
  return { ms, label: value.trim() };
}

/**
 * The teardown grace from {@link TEARDOWN_GRACE_VARIABLE}, or the default; UsageError naming the variable.
 */
export function teardownGraceMs(env: NodeJS.ProcessEnv): number {
  const value = env[TEARDOWN_GRACE_VARIABLE];
  if (value === undefined || value === '') return DEFAULT_TEARDOWN_GRACE_MS;
  const ms = parseDuration(value);
  if (ms === undefined || ms > MAX_MS) {
    throw new UsageError(
      `${TEARDOWN_GRACE_VARIABLE} must be a number with a unit s, m, h or d, at most 7d, got "${value}" ` +
        `(e.g. ${TEARDOWN_GRACE_VARIABLE}=2m).`,
    );
  }
  return ms;
}
