import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { replaceFile } from '../files/replace-file.ts';
import { redact } from '../redact/secrets.ts';
import { githubAnnotations, githubStepSummary } from './github-report.ts';
import { renderHar } from './har-report.ts';
import { renderHtml } from './html-report.ts';
import { renderJunit } from './junit-report.ts';
import type { ReportKind, ReportRequest } from './report-kinds.ts';
import type { RunResults } from './results.ts';

/** Each report's file text, drawn from the results alone (so no two reports can disagree). */
const RENDERERS: Readonly<Record<ReportKind, (results: RunResults) => string>> = {
  json: (results) => `${JSON.stringify(results, null, 2)}\n`,
  junit: renderJunit,
  html: renderHtml,
  har: (results) => `${JSON.stringify(renderHar(results), null, 2)}\n`,
  github: githubStepSummary,
};

/**
 * Writes each requested report from the run's results, through the redaction gate (whatever
 * secret this process knows is masked once more): each file replaced whole, GitHub's step
 * summary appended, GitHub's annotations handed to `annotate` (stdout). Returns the files written.
 */
export function writeReports(
  results: RunResults,
  requests: readonly ReportRequest[],
  annotate: (line: string) => void,
): string[] {
  const written: string[] = [];
  for (const request of requests) {
    if (request.kind === 'github') for (const line of githubAnnotations(results)) annotate(redact(line));
    const text = redact(RENDERERS[request.kind](results));
    // Checked (and made) before the run; made again in case it went away meanwhile.
    mkdirSync(dirname(request.file), { recursive: true });
    if (request.append) appendFileSync(request.file, text);
    else
      replaceFile(request.file, text, { mode: 0o644, option: `--report ${request.kind}`, what: 'a report' });
    written.push(request.file);
  }
  return written;
}
