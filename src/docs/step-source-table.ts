import { InferredNotes, sourceCell } from './source-cells.ts';
import type { StepDefinition } from '../flow/step/step.ts';

/**
 * README table of where each step's expectations come from: the documented refs (a page link or
 * an OAS pointer) and what is inferred, with the reasons numbered under the table.
 */
export function stepSourceTable(steps: readonly StepDefinition[]): string {
  const notes = new InferredNotes();
  const rows = steps.map((step) => `| \`${step.id}\` | ${sourceCell(step, notes)} |`);
  return ['| Step | Sources of its status, body and checks |', '|---|---|', ...rows, ...notes.lines()].join(
    '\n',
  );
}
