import { inject } from 'vitest';
import { SELECT_VARIABLE } from '../process/run-variables.ts';

let selection: ReadonlySet<string> | null | undefined;

/**
 * The ids `idflow run` chose for this project's target (`--step`, `--grep`, a read-only
 * `--smoke`), or null when it chose none: everything runs.
 */
function selectedIds(env: NodeJS.ProcessEnv): ReadonlySet<string> | null {
  const raw = env[SELECT_VARIABLE];
  if (raw === undefined || raw === '') return null;
  const chosen = (JSON.parse(raw) as Record<string, readonly string[]>)[inject('target').name];
  return chosen === undefined ? null : new Set(chosen);
}

/**
 * Whether the step or probe with this id is declared in this run: always, unless `idflow run`
 * selected steps, then only the chosen ones and what they depend on. Teardown never asks.
 */
export function isSelected(id: string, env: NodeJS.ProcessEnv = process.env): boolean {
  selection ??= selectedIds(env);
  return selection === null || selection.has(id);
}

/** Whether a selection names this id: steps declared only when asked for (the read-only smoke's). */
export function isNamed(id: string, env: NodeJS.ProcessEnv = process.env): boolean {
  selection ??= selectedIds(env);
  return selection !== null && selection.has(id);
}
