import { inject } from 'vitest';
import { SELECT_VARIABLE } from '../process/run-variables.ts';

let selection: ReadonlySet<string> | null | undefined;

/** The ids `idflow run --step`/`--grep` chose for this project's target, or null: everything runs. */
function selectedIds(env: NodeJS.ProcessEnv): ReadonlySet<string> | null {
  const raw = env[SELECT_VARIABLE];
  if (raw === undefined || raw === '') return null;
  const byTarget = JSON.parse(raw) as Record<string, readonly string[]>;
  return new Set(byTarget[inject('target').name] ?? []);
}

/**
 * Whether the step or probe with this id is declared in this run: always, unless `idflow run`
 * selected steps, then only the chosen ones and what they depend on. Teardown never asks.
 */
export function isSelected(id: string, env: NodeJS.ProcessEnv = process.env): boolean {
  selection ??= selectedIds(env);
  return selection === null || selection.has(id);
}
