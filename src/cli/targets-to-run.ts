import { ConfigError } from '../errors/config-error.ts';
import { TARGETS, type TargetDescriptor } from '../targets/registry.ts';
import { selectTargets } from './select-targets.ts';

/**
 * The targets a run covers. `--target` names one; otherwise every target, except that an env
 * file without `--target` selects the targets it configures (a file with only one target's variables runs
 * that target).
 * An env file that configures none of the selected targets is a configuration error.
 */
export function targetsToRun(options: {
  readonly target: string | undefined;
  readonly envFile: string | undefined;
  readonly variables: Record<string, string>;
  readonly source: string;
}): readonly TargetDescriptor[] {
  const selected = selectTargets(options.target);
  if (options.envFile === undefined) return selected;
  const configured = selected.filter(
    (target) => target.resolveConfig(options.variables, options.source) !== undefined,
  );
  if (configured.length > 0 && (options.target === undefined || configured.length === selected.length))
    return configured;
  const wanted = selected.length === 1 ? selected : TARGETS;
  const names = wanted.map((target) => `${target.title} (see ${target.envExample})`).join(' or ');
  throw new ConfigError({
    code: 'CONFIG_MISSING',
    file: options.envFile,
    message:
      `${options.envFile} holds no ${names} variables. Fill it in from the example, or drop --env ` +
      `to run against the embedded emulator.`,
  });
}
