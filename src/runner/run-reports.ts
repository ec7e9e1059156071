import type { TestModule } from 'vitest/node';
import type { ReportRequest } from '../report/report-kinds.ts';
import { writeReports } from '../report/write-reports.ts';
import { collectResults, type ResultsTarget } from './collect-results.ts';
import type { RunInfo } from '../report/results.ts';

/**
 * Writes the reports `idflow run --report` asked for (and GitHub's in a GitHub Actions job) from
 * what vitest collected; GitHub's annotations go to stdout. Returns the files written.
 */
export function writeRunReports(
  modules: readonly TestModule[],
  requests: readonly ReportRequest[],
  options: {
    readonly run: Omit<RunInfo, 'outcome'> & { readonly interrupted: boolean };
    readonly targets: readonly ResultsTarget[];
    readonly version: string;
  },
): string[] {
  if (requests.length === 0) return [];
  const results = collectResults(modules, options);
  return writeReports(results, requests, (line) => process.stdout.write(`${line}\n`));
}
