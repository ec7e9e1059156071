import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from '../errors/config-error.ts';
import { defaultBaselineFile, displayPath } from './baseline-files.ts';
import { parseBaseline } from './parse-baseline.ts';
import type { ActiveBaseline, BaselineFile } from './known-deviation.ts';

/** What decides a target's baseline. */
export interface SelectBaselineOptions {
  /** The target's name and every check id its suites run: an entry naming another id is stale. */
  readonly target: { readonly name: string; checkIds(): readonly string[] };
  /** An absolute path given with `idflow run --baseline` (`IDFLOW_BASELINE` in the test process). */
  readonly explicitFile?: string;
  /** True when the run uses the embedded emulator rather than a configured tenant. */
  readonly emulated: boolean;
}

/** The baseline a target's run applies, and whether it came from an explicit `--baseline` file. */
export interface SelectedBaseline extends ActiveBaseline {
  readonly explicit: boolean;
}

function readBaseline(path: string, target: SelectBaselineOptions['target']): BaselineFile {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError({
      code: 'CONFIG_FILE',
      file,
      message: `The known-deviations baseline ${file} cannot be read; pass an existing file to --baseline.`,
      cause: error,
    });
  }
  return parseBaseline(text, { file, target: target.name, checkIds: target.checkIds() });
}

/** The `target` an explicit baseline file names, read without validating the rest. */
function targetNamedBy(path: string): string | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    const target =
      typeof value === 'object' && value !== null ? (value as { target?: unknown }).target : undefined;
    return typeof target === 'string' ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Chooses and validates a target's baseline. An explicit file applies to the target it names (a
 * file that cannot be read or names no target is validated, and rejected, for every target); the
 * committed `suites/<target>/known-deviations.json` applies otherwise, and its absence means no
 * deviations. The rule for the embedded emulator: it implements the docs, so a deviation there is
 * a defect to fix, never one to accept — the committed file is still validated (a stale entry
 * fails every run) but not applied, and an explicit `--baseline` is a configuration error.
 * Throws ConfigError naming the file and entry.
 */
export function selectBaseline(options: SelectBaselineOptions): SelectedBaseline {
  const { target, explicitFile, emulated } = options;
  const explicitTarget = explicitFile === undefined ? undefined : targetNamedBy(explicitFile);
  const explicit =
    explicitFile !== undefined && (explicitTarget === undefined || explicitTarget === target.name);
  const path = explicit ? explicitFile : defaultBaselineFile(target.name);
  const file = displayPath(path);
  if (!explicit && !existsSync(path)) return { file, deviations: [], explicit };
  const baseline = readBaseline(path, target);
  if (!emulated) return { file, deviations: baseline.deviations, explicit };
  if (explicit) {
    throw new ConfigError({
      code: 'CONFIG_INVALID',
      file,
      message:
        `--baseline ${file} lists known deviations of a configured tenant, but this run uses the ` +
        `embedded emulator, which implements the docs and accepts no deviation. Pass --env FILE ` +
        `for the tenant the baseline describes, or drop --baseline.`,
    });
  }
  return { file, deviations: [], explicit };
}
