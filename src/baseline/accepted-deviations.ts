import type { ModuleView } from '../flow/run/check-view.ts';

/** The annotation type the baseline hook gives every accepted or unverified deviation. */
export const DEVIATION_ANNOTATION = 'known-deviation';

/**
 * One line per test the baseline hook annotated (`07b-read-user-mfa-enabled: known deviation:
 * <reason> (…)`), so a green run still says what it accepted. Only reads results.
 */
export function acceptedDeviationLines(modules: readonly ModuleView[]): string[] {
  const lines: string[] = [];
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      for (const annotation of test.annotations()) {
        if (annotation.type === DEVIATION_ANNOTATION)
          lines.push(`${test.name.split(':')[0]}: ${annotation.message}`);
      }
    }
  }
  return lines;
}
