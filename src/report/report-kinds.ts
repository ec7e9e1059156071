/** The reports `idflow run --report KIND[=FILE]` writes. */
export const REPORT_KINDS = ['junit', 'json', 'html', 'har', 'github'] as const;

export type ReportKind = (typeof REPORT_KINDS)[number];

/** Each report's file name in the run's reports folder (`reports/<run id>/`). */
export const DEFAULT_REPORT_FILES: Readonly<Record<ReportKind, string>> = {
  junit: 'junit.xml',
  json: 'results.json',
  html: 'report.html',
  har: 'run.har',
  // GitHub's annotations go to stdout; this is its Markdown summary, when $GITHUB_STEP_SUMMARY is unset.
  github: 'summary.md',
};

/** What each report is, for the help text and messages. */
export const REPORT_DESCRIPTIONS: Readonly<Record<ReportKind, string>> = {
  junit: 'a testcase per step and probe; skip reasons, failures with evidence',
  json: 'every check and HTTP exchange (schemas/idflow/results.schema.json)',
  html: 'one self-contained page: verdict, failures, skips, request waterfall',
  har: "HAR 1.2 of every exchange, for a browser's devtools or Postman",
  github: '::error/::warning lines on stdout, a summary to $GITHUB_STEP_SUMMARY',
};

/** One report to write: its kind and where (absolute). */
export interface ReportRequest {
  readonly kind: ReportKind;
  readonly file: string;
  /** Append rather than replace (GitHub's step summary file collects every step's). */
  readonly append?: boolean;
}
