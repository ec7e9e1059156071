import { UNCONFIRMED_NOTE } from '../report/results.ts';
import type { CheckContext } from '../flow/run/check-context.ts';
import type { ModuleView } from '../flow/run/check-view.ts';
import type { CheckResult } from '../flow/step/checks.ts';
import type { StepOutcome } from '../flow/step/execute-step.ts';

/** Annotation types of inferred expectations a configured run met: held, or not (unconfirmed). */
export const INFERRED_HELD = 'inferred-held';
export const INFERRED_UNCONFIRMED = UNCONFIRMED_NOTE;
/** Annotation type of a documented alternative answer that held instead of the expected one. */
export const DOCUMENTED_ALTERNATIVE = 'documented-alternative';

function describe(result: CheckResult): string {
  return result.passed
    ? `${result.name} (inferred: ${result.inferred})`
    : `${result.name}: expected ${result.expected}, given ${result.given} (inferred: ${result.inferred})`;
}

declare module 'vitest' {
  interface TaskMeta {
    /**
     * The step's calibration lines (`unconfirmed: …`), for reporters that write task meta but no annotations
     * (json).
     */
    calibration?: string[];
  }
}

/**
 * Annotates a passed step with each inferred expectation it met and the documented alternative it
 * answered, so the run's calibration summary and every report can list them: annotations reach
 * JUnit, task meta the JSON report (which writes no annotations).
 */
export async function annotateCalibration(context: CheckContext, outcome: StepOutcome): Promise<void> {
  const notes: Array<readonly [message: string, type: string]> = [];
  if (outcome.alternative)
    notes.push([`answered the documented alternative ${outcome.alternative}`, DOCUMENTED_ALTERNATIVE]);
  for (const result of outcome.inferred)
    notes.push([describe(result), result.passed ? INFERRED_HELD : INFERRED_UNCONFIRMED]);
  if (notes.length > 0) context.task.meta.calibration = notes.map(([message, type]) => `${type}: ${message}`);
  for (const [message, type] of notes) await context.annotate(message, type);
}

/** Lines grouped by message: `message` then the tests that gave it, so 50 alike read as one. */
function grouped(entries: ReadonlyArray<readonly [string, string]>, label: string): string[] {
  const byMessage = new Map<string, string[]>();
  for (const [test, message] of entries) byMessage.set(message, [...(byMessage.get(message) ?? []), test]);
  return [...byMessage].map(
    ([message, tests]) => `  ${label} (${tests.length}): ${message}\n      in ${tests.join(', ')}`,
  );
}

/**
 * The calibration summary of a run against a configured tenant: the inferred expectations that
 * did not hold (unconfirmed), those that held, and the documented alternatives answered, each
 * grouped by what was expected and given. Empty when there is nothing to say. Only reads results.
 */
export function calibrationSummary(modules: readonly ModuleView[]): string {
  const entries: Record<string, Array<readonly [string, string]>> = {
    [INFERRED_UNCONFIRMED]: [],
    [INFERRED_HELD]: [],
    [DOCUMENTED_ALTERNATIVE]: [],
  };
  for (const module of modules)
    for (const test of module.children.allTests())
      for (const annotation of test.annotations())
        entries[annotation.type]?.push([test.name.split(':')[0] ?? test.name, annotation.message]);
  const unconfirmed = entries[INFERRED_UNCONFIRMED] ?? [];
  const held = entries[INFERRED_HELD] ?? [];
  const alternatives = entries[DOCUMENTED_ALTERNATIVE] ?? [];
  if (unconfirmed.length + held.length + alternatives.length === 0) return '';
  return [
    `idflow: inferred expectations (no vendor source backs them): ${held.length} held, ${unconfirmed.length} unconfirmed` +
      (unconfirmed.length ? ' (not failures; --strict makes them fail)' : ''),
    ...grouped(unconfirmed, 'unconfirmed'),
    ...grouped(held, 'held'),
    ...(alternatives.length ? [`idflow: documented alternatives answered (${alternatives.length}):`] : []),
    ...grouped(alternatives, 'answered'),
  ].join('\n');
}
