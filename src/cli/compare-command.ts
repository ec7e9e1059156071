import { resolve } from 'node:path';
import { replaceFile } from '../files/replace-file.ts';
import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { compareMarkdown } from '../report/compare-markdown.ts';
import { compareResults } from '../report/compare-results.ts';
import { DEFAULT_NOISE_THRESHOLD } from '../report/endpoint-timings.ts';
import { readResultsFile } from '../report/read-results.ts';
import { integerOption, parseCommandLine, type CommandOptions } from './parse-options.ts';
import { UsageError } from './usage-error.ts';

/** The options `idflow compare` accepts (the pipeline templates' tests read them too). */
export const COMPARE_OPTIONS = {
  out: { type: 'string' },
  'threshold-pct': { type: 'string' },
  'threshold-ms': { type: 'string' },
} satisfies CommandOptions;

/**
 * `idflow compare OLD NEW [--out FILE] [--threshold-pct N] [--threshold-ms N]`: what changed
 * between two results files, as Markdown on stdout (and in FILE with --out). Exit 1 when a check
 * newly failed, 0 otherwise; 2 for a usage mistake or a file that is not a results file.
 */
export async function compareCommand(argv: readonly string[]): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine(argv, COMPARE_OPTIONS);
  if (positionals.length !== 2) {
    const given = ['none was', 'only one was'][positionals.length] ?? `${positionals.length} were`;
    throw new UsageError(
      `idflow compare takes two results files, OLD and NEW; ${given} given ` +
        `(e.g. idflow compare reports/nightly/results.json reports/latest/results.json).`,
    );
  }
  const threshold = {
    percent:
      integerOption('threshold-pct', values['threshold-pct'], { min: 0, max: 10_000 }) ??
      DEFAULT_NOISE_THRESHOLD.percent,
    ms:
      integerOption('threshold-ms', values['threshold-ms'], { min: 0, max: 3_600_000 }) ??
      DEFAULT_NOISE_THRESHOLD.ms,
  };
  const [oldFile, newFile] = positionals as [string, string];
  const comparison = compareResults(readResultsFile(oldFile), readResultsFile(newFile), threshold);
  const markdown = compareMarkdown(comparison);
  if (values.out !== undefined) {
    replaceFile(resolve(values.out), markdown, { mode: 0o644, option: '--out', what: 'the comparison' });
  }
  process.stdout.write(markdown);
  return comparison.newlyFailed.length ? EXIT.failed : EXIT.passed;
}
