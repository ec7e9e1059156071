import type { CheckContext } from '../flow/run/check-context.ts';
import type { ModuleView } from '../flow/run/check-view.ts';
import type { StepOutcome } from '../flow/step/execute-step.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** The step's drift lines, for reporters that write task meta but no annotations (json). */
    drift?: string[];
  }
}

/** Annotation type (and task meta key) of a response field the step's schema does not declare. */
export const DRIFT = 'drift';

/**
 * Annotates a passed step with each response field its schema does not declare, so the run's
 * drift summary and the reports list it: annotations reach JUnit (a property per line), task
 * meta the JSON report, which writes no annotations. A warning only: the step still passes.
 */
export async function annotateDrift(context: CheckContext, outcome: StepOutcome): Promise<void> {
  const lines = outcome.drift.map(
    (field) => `undeclared response field ${field.path} (not in ${field.schemas.join(' or ')})`,
  );
  if (lines.length > 0) context.task.meta.drift = lines;
  for (const line of lines) await context.annotate(line, DRIFT);
}

/**
 * The drift summary of a run: each undeclared response field once, with the steps that answered
 * it. Empty when every answer held only declared fields. Only reads results; never a failure.
 */
export function driftSummary(modules: readonly ModuleView[]): string {
  const steps = new Map<string, string[]>();
  for (const module of modules)
    for (const test of module.children.allTests())
      for (const annotation of test.annotations())
        if (annotation.type === DRIFT) {
          const step = test.name.split(':')[0] ?? test.name;
          steps.set(annotation.message, [...(steps.get(annotation.message) ?? []), step]);
        }
  if (steps.size === 0) return '';
  return [
    `idflow: drift: ${steps.size} response field(s) that neither our schemas nor the vendor's OAS declare ` +
      '(warnings, never failures: the first sign the vendor changed its API)',
    ...[...steps].map(([message, tests]) => `  drift: ${message}\n      in ${tests.join(', ')}`),
  ].join('\n');
}
