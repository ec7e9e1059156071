import { observedBaseline, writeObservedBaseline } from '../baseline/write-observed-baseline.ts';
import { UsageError } from './usage-error.ts';
import type { TargetDescriptor } from '../targets/registry.ts';
import type { ModuleView } from '../flow/run/check-view.ts';

/**
 * `--write-baseline` records a configured tenant's answers: it needs exactly one target, and
 * that target configured (the embedded emulator implements the docs; it has no deviation to record).
 */
export function requireOneConfiguredTarget(
  targets: readonly TargetDescriptor[],
  variables: Record<string, string>,
  source: string,
): void {
  const [only, ...others] = targets;
  if (only === undefined || others.length > 0) {
    throw new UsageError(
      `--write-baseline records one target's deviations; pass --target with one of: ` +
        `${targets.map((target) => target.name).join(', ')}.`,
    );
  }
  if (only.resolveConfig(variables, source) === undefined) {
    throw new UsageError(
      `--write-baseline records what a configured tenant answered; no ${only.name} tenant is configured ` +
        `(the embedded emulator has no deviation to record). Pass --env with the tenant's variables.`,
    );
  }
}

/** After the run: writes what it observed for `target` to `file` and says what it wrote, on stderr. */
export function reportWrittenBaseline(file: string, target: string, modules: readonly ModuleView[]): void {
  const day = new Date().toISOString().slice(0, 10);
  const { baseline, unrecordable } = observedBaseline(target, modules, day);
  writeObservedBaseline(file, baseline);
  const count = baseline.deviations.length;
  process.stderr.write(
    `idflow: --write-baseline: wrote ${count} observed deviation${count === 1 ? '' : 's'} of ${target} to ${file}` +
      (count > 0
        ? '; review each entry (replace every "TODO review" reason with why your team accepts it) before passing it with --baseline or committing it.\n'
        : '.\n'),
  );
  if (unrecordable.length > 0) {
    process.stderr.write(
      `idflow: --write-baseline: not recorded (no baseline can accept them; fix what they name): ` +
        `${unrecordable.join(', ')}\n`,
    );
  }
}
