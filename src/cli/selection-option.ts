import { SELECT_VARIABLE } from '../process/run-variables.ts';
import { selectChecks, type TargetSelection } from '../runner/check-selection.ts';
import { UsageError } from './usage-error.ts';
import { ID_FORM, isWellFormedId, quoteUntrusted } from '../flow/step/id-format.ts';
import type { TargetDescriptor } from '../targets/registry.ts';

/** The chosen targets' selections, by target name; only targets where something was chosen. */
export type RunSelection = ReadonlyMap<string, TargetSelection>;

function pattern(grep: string | undefined): RegExp | undefined {
  if (grep === undefined) return undefined;
  try {
    return new RegExp(grep, 'i');
  } catch (error) {
    throw new UsageError(
      `--grep ${JSON.stringify(grep)} is not a regular expression: ${(error as Error).message}`,
    );
  }
}

/** Up to three ids that look like the one typed: it begins them, they contain it, or share its number. */
function lookAlikes(id: string, known: readonly string[]): string[] {
  const typed = id.toLowerCase();
  const rank = (candidate: string): number => {
    if (typed.length >= 3 && candidate.startsWith(typed)) return 0;
    if (typed.length >= 3 && candidate.includes(typed)) return 1;
    if (candidate.slice(0, 2) === typed.slice(0, 2)) return 2;
    return 3;
  };
  return known
    .map((candidate, index) => ({ candidate, index, rank: rank(candidate) }))
    .filter((entry) => entry.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, 3)
    .map((entry) => entry.candidate);
}

/**
 * `--step ID` (repeatable) and `--grep PATTERN`: the steps and probes to run, with what they
 * depend on, per target; undefined when neither was given (everything runs). A selection that
 * runs no check, or an id no selected target knows, is a usage error (exit 2) naming what exists.
 */
export function resolveSelection(
  targets: readonly TargetDescriptor[],
  options: {
    readonly step?: readonly string[] | undefined;
    readonly grep?: string | undefined;
    readonly smoke: boolean;
  },
): RunSelection | undefined {
  const ids = options.step ?? [];
  if (ids.length === 0 && options.grep === undefined) return undefined;
  const request = { ids, grep: pattern(options.grep), smoke: options.smoke };
  const selection = new Map<string, TargetSelection>();
  const known: string[] = [];
  for (const target of targets) {
    const catalogue = target.catalogue();
    known.push(
      ...catalogue.steps.map((step) => step.id),
      ...(options.smoke ? [] : catalogue.probes.map((probe) => probe.id)),
    );
    const chosen = selectChecks(catalogue, request);
    if (chosen.chosen.length > 0) selection.set(target.name, chosen);
  }
  const list = `'idflow list${targets.length === 1 ? ` --target ${targets[0]?.name}` : ''}' prints every id`;
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    const hints = unknown.map((id) => {
      const like = lookAlikes(id, known);
      return like.length ? `${id} (did you mean ${like.join(', ')}?)` : id;
    });
    const probeNote = options.smoke ? ' (--smoke runs no troubleshooting probe)' : '';
    throw new UsageError(
      `--step names no step or probe of this run${probeNote}: ${hints.join('; ')}. ${list}.`,
    );
  }
  if (selection.size === 0)
    throw new UsageError(
      `--grep ${JSON.stringify(options.grep)} matches no step${options.smoke ? '' : ' or probe'} id, title or ` +
        `condition, so the run would check nothing. ${list}.`,
    );
  return selection;
}

/** The targets that run: those where the selection chose something (all, without a selection). */
export function selectedTargets(
  targets: readonly TargetDescriptor[],
  selection: RunSelection | undefined,
): readonly TargetDescriptor[] {
  return selection === undefined ? targets : targets.filter((target) => selection.has(target.name));
}

/** Hands the selection to the suites (their `stepTests`/`probeTests` declare only those). */
export function exportSelection(
  selection: RunSelection | undefined,
  readOnly: RunSelection = new Map(),
  env: NodeJS.ProcessEnv = process.env,
): void {
  const merged = new Map([...(selection ?? []), ...readOnly]);
  if (merged.size === 0) {
    delete env[SELECT_VARIABLE];
    return;
  }
  env[SELECT_VARIABLE] = JSON.stringify(
    Object.fromEntries([...merged].map(([name, chosen]) => [name, chosen.runs])),
  );
}

/** One stderr line per target: what was chosen and what runs with it. */
export function selectionLines(
  selection: RunSelection | undefined,
  readOnly: RunSelection = new Map(),
): string[] {
  const smoke = [...readOnly].map(
    ([name, chosen]) =>
      `idflow: ${name}: --smoke in an existing environment: ${chosen.runs.join(', ')}; every write but the ` +
      'token request (and, with --write-population, one user in that population) is refused',
  );
  if (selection === undefined) return smoke;
  return [
    ...smoke,
    ...[...selection].map(([name, chosen]) => {
      const extra = chosen.runs.filter((id) => !chosen.chosen.includes(id));
      return (
        `idflow: ${name}: runs ${chosen.chosen.join(', ')}` +
        (extra.length ? `, after the steps they depend on (${extra.join(', ')})` : '') +
        ', then teardown'
      );
    }),
  ];
}

/**
 * The read-only smoke of each target whose configuration names a live environment, under
 * `--smoke`: its own steps, exactly (they only read, so nothing needs adding); with
 * `--write-population ID`, also one user's lifecycle confined to that population. `--step` and
 * `--grep` cannot narrow it further: they would have to add writes.
 */
export function readOnlySmokeSelection(
  targets: readonly TargetDescriptor[],
  configOf: (target: TargetDescriptor) => unknown,
  options: {
    readonly smoke: boolean;
    readonly narrowed: boolean;
    readonly writePopulation?: string | undefined;
  },
): Map<string, TargetSelection> {
  const selection = new Map<string, TargetSelection>();
  const { writePopulation } = options;
  if (writePopulation !== undefined && !isWellFormedId(writePopulation))
    throw new UsageError(
      `--write-population takes a population id, ${ID_FORM}; given ${quoteUntrusted(writePopulation)}`,
    );
  if (options.smoke)
    for (const target of targets) {
      const config = configOf(target);
      const ids = config === undefined ? undefined : target.readOnlySmoke?.(config, { writePopulation });
      if (ids === undefined) continue;
      if (options.narrowed)
        throw new UsageError(
          `--smoke in the existing environment the ${target.title} configuration names only reads; --step and ` +
            '--grep cannot narrow it. Drop them, or drop --smoke to select from the full flow.',
        );
      selection.set(target.name, { chosen: ids, runs: ids });
    }
  if (writePopulation !== undefined && selection.size === 0)
    throw new UsageError(
      '--write-population works with --smoke in an existing environment the configuration names: it is the one ' +
        'population the read-only smoke may create a user in. Add --smoke and name the environment, or drop it.',
    );
  return selection;
}
