import { inject } from 'vitest';
import type { ActiveBaseline } from './known-deviation.ts';
import type {} from './provided-baseline.ts';

const NONE: ActiveBaseline = { file: '(no baseline)', deviations: [] };

/** The baseline the project's global setup provided, or an empty one (unit tests). */
export function injectedBaseline(): ActiveBaseline {
  return inject('knownDeviations') ?? NONE;
}
