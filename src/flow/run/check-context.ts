import type { TaskMeta } from 'vitest';

/**
 * What a running check can do: skip itself with a reason, leave a note for the reports, and
 * record what it is and did on its meta. vitest's `CheckContext` has this shape; idflow's own
 * scheduler gives each check one of its own.
 */
export interface CheckContext {
  readonly task: { readonly meta: TaskMeta };
  /** Stops the check, reporting it skipped with `note`. */
  skip(note?: string): never;
  annotate(message: string, type?: string): Promise<unknown>;
}

/** What idflow's scheduler throws from `skip()`: the check is reported skipped with `note`. */
export class CheckSkipped extends Error {
  readonly code = 'IDFLOW_SKIPPED';

  constructor(readonly note: string | undefined) {
    super(note ?? 'skipped');
    this.name = 'CheckSkipped';
  }
}

/** Whether `error` is a skip (vitest's `context.skip()` or idflow's), neither a pass nor a failure. */
export function isCheckSkip(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'VITEST_PENDING' || code === 'IDFLOW_SKIPPED';
}
