import { TARGETS, findTarget, type TargetDescriptor } from '../targets/registry.ts';
import { UsageError } from './usage-error.ts';

/** The target named by `--target`, or every target when none is named. */
export function selectTargets(name: string | undefined): readonly TargetDescriptor[] {
  if (name === undefined) return TARGETS;
  const target = findTarget(name);
  if (!target) {
    throw new UsageError(
      `unknown target "${name}". Use one of: ${TARGETS.map((each) => each.name).join(', ')} (e.g. ` +
        `--target ${TARGETS[0]?.name}).`,
    );
  }
  return [target];
}
