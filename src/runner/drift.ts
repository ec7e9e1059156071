import type { TestContext } from 'vitest';
import type { TestModule } from 'vitest/node';
import type { StepOutcome } from '../flow/execute-step.ts';

/** Annotation type of a response field the step's schema does not declare. */
export const DRIFT = 'drift';

/**
 * Annotates a passed step with each response field its schema does not declare, so the run's
 * drift summary and every report (JUnit, JSON) list it. A warning only: the step still passes.
 */
export async function annotateDrift(context: TestContext, outcome: StepOutcome): Promise<void> {
  for (const field of outcome.drift)
    await context.annotate(
      `undeclared response field ${field.path} (not in ${field.schemas.join(' or ')})`,
      DRIFT,
    );
}

/**
 * The drift summary of a run: each undeclared response field once, with the steps that answered
 * it. Empty when every answer held only declared fields. Only reads results; never a failure.
 */
export function driftSummary(modules: readonly TestModule[]): string {
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
