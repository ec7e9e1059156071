import type { ModuleView } from '../flow/run/check-view.ts';
import { IdflowError } from '../errors/idflow-error.ts';
import type { ReportRequest } from '../report/report-kinds.ts';
import { writeReports } from '../report/write-reports.ts';
import { collectResults, type ResultsTarget } from './collect-results.ts';
import type { RunInfo } from '../report/results.ts';

/**
 * Writes the reports `idflow run --report` asked for (and GitHub's in a GitHub Actions job) from
 * what vitest collected; GitHub's annotations go to stdout; the files written are named on
 * stderr. A report that cannot be written is said on stderr, naming the file; returns false then.
 */
export function writeRunReports(
  modules: readonly ModuleView[],
  requests: readonly ReportRequest[],
  options: {
    readonly run: Omit<RunInfo, 'outcome'> & { readonly interrupted: boolean };
    readonly targets: readonly ResultsTarget[];
    readonly version: string;
  },
): boolean {
  if (requests.length === 0) return true;
  const results = collectResults(modules, options);
  try {
    const written = writeReports(results, requests, (line) => process.stdout.write(`${line}\n`));
    process.stderr.write(`idflow: reports: ${written.join(', ')}\n`);
    return true;
  } catch (error) {
    if (!(error instanceof IdflowError)) throw error;
    process.stderr.write(`idflow: ${error.message}\n`);
    return false;
  }
}
