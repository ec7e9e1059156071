import type { TestProject } from 'vitest/node';
import type { ActiveBaseline } from './known-deviation.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The baseline of the project's target; absent outside a target project (unit tests). */
    knownDeviations?: ActiveBaseline;
  }
}

/** Hands a target project's suites the baseline its global setup selected. */
export function provideBaseline(project: TestProject, baseline: ActiveBaseline): void {
  project.provide('knownDeviations', { file: baseline.file, deviations: baseline.deviations });
}
