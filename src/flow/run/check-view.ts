import type { TaskMeta } from 'vitest';

/** A note a check left for the reports (`known deviation: …`, `inferred-unconfirmed`). */
export interface CheckAnnotation {
  readonly type: string;
  readonly message: string;
}

/** How a check ended: its state, the errors it failed with, the reason it was skipped. */
export interface CheckResultView {
  readonly state: 'passed' | 'failed' | 'skipped' | 'pending';
  readonly errors?: readonly unknown[] | undefined;
  readonly note?: string | undefined;
}

/**
 * A finished step, probe or teardown as the run's summaries and reports read it. vitest's
 * `CheckView` has this shape; idflow's own scheduler builds the same from what it ran, so every
 * summary, report and exit code is computed once, whichever ran the checks.
 */
export interface CheckView {
  /** `<id>: <title>`. */
  readonly name: string;
  readonly project: { readonly name: string };
  /** `suite` for a probe (declared in a group), `module` for a step or teardown. */
  readonly parent: { readonly type: string };
  result(): CheckResultView;
  meta(): TaskMeta;
  annotations(): readonly CheckAnnotation[];
  diagnostic(): { readonly startTime: number; readonly duration: number } | undefined;
}

/** One suite file's checks, in the order they were declared. */
export interface ModuleView {
  /** The suite file's absolute path. */
  readonly moduleId: string;
  readonly project: { readonly name: string };
  readonly children: {
    allTests(state?: CheckResultView['state']): Iterable<CheckView>;
  };
  /** Errors outside any check (a file that failed to load). */
  errors(): readonly unknown[];
}
