import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './usage-error.ts';

/** vitest's built-in reporters (a test keeps this list equal to vitest's own). */
export const VITEST_REPORTERS: readonly string[] = [
  'default',
  'agent',
  'minimal',
  'blob',
  'verbose',
  'dot',
  'json',
  'tap',
  'tap-flat',
  'junit',
  'tree',
  'hanging-process',
  'github-actions',
];

/** The reporters that write `--output-file`. */
export const FILE_REPORTERS: readonly string[] = ['json', 'junit', 'blob'];

/** A reporter given as a module path (`./my-reporter.ts`) rather than a name. */
function isModulePath(reporter: string): boolean {
  return reporter.includes('/') || reporter.includes('\\') || /\.[cm]?[jt]s$/.test(reporter);
}

/**
 * Refuses, as usage mistakes (exit 2), a reporter vitest does not have and an `--output-file`
 * no chosen reporter would write: a typo must not become an internal error, nor a silently
 * missing report. `outputFile` is what `--output-file` gave: one path, or paths by reporter.
 */
export function checkReporters(
  reporters: readonly string[],
  outputFile: string | Readonly<Record<string, string>> | undefined,
): void {
  for (const reporter of reporters) {
    if (isModulePath(reporter)) {
      if (!existsSync(resolve(reporter)))
        throw new UsageError(`--reporter ${reporter}: no such reporter module. Check the path.`);
      continue;
    }
    if (reporter === 'html') {
      throw new UsageError(
        `--reporter html is vitest's, which needs the @vitest/ui package idflow does not install; ` +
          `idflow's own HTML report is --report html (a self-contained file in reports/<run id>/).`,
      );
    }
    if (!VITEST_REPORTERS.includes(reporter)) {
      throw new UsageError(
        `--reporter ${reporter} is not a reporter. Use one of: ${VITEST_REPORTERS.join(', ')}, or a ` +
          `path to a reporter module.`,
      );
    }
  }
  if (outputFile === undefined) return;
  const writers = reporters.filter((reporter) => FILE_REPORTERS.includes(reporter) || isModulePath(reporter));
  if (typeof outputFile === 'string') {
    if (writers.length === 0) {
      throw new UsageError(
        `--output-file ${outputFile}: none of the chosen reporters (${reporters.join(', ')}) writes a file. ` +
          `Add one that does, e.g. --reporter junit (or ${FILE_REPORTERS.join(', ')}).`,
      );
    }
    return;
  }
  for (const [reporter, file] of Object.entries(outputFile)) {
    if (!reporters.includes(reporter)) {
      throw new UsageError(
        `--output-file ${reporter}=${file}: the ${reporter} reporter is not chosen; add --reporter ${reporter}.`,
      );
    }
  }
}
