import { mdCell, mdCodeBlock, mdTable, mdText } from './markdown-text.ts';
import { workflowCommand } from './workflow-command.ts';
import type { CheckRun, ExchangeRecord, RunResults, TargetResults } from './results.ts';

/** How many of the run's slowest requests the step summary lists. */
export const SLOWEST_REQUESTS = 10;

/** Where an annotation points: the step's or probe's definition, else its suite file. */
function place(check: CheckRun): { file: string; line: number | undefined } {
  return check.definition ?? { file: check.suite, line: undefined };
}

function summaryOf(check: CheckRun): string {
  return check.failure?.summary ?? `${check.id} failed`;
}

/** Each expectation that did not hold, `name: expected …, given …`, but one the summary already says. */
function missedExpectations(check: CheckRun): string[] {
  const summary = summaryOf(check);
  return check.expectations
    .filter((expectation) => !expectation.passed)
    .map((expectation) => `${expectation.name}: expected ${expectation.expected}, given ${expectation.given}`)
    .filter((line) => !summary.includes(line));
}

/** What a failed check's annotation says, one fact a line. */
function failureLines(check: CheckRun): string[] {
  const failure = check.failure;
  const correlationId = failure?.evidence?.correlationId;
  return [
    summaryOf(check),
    ...missedExpectations(check),
    ...(failure?.hint ? [`Hint: ${failure.hint}`] : []),
    ...(correlationId ? [`Correlation-Id: ${correlationId}`] : []),
  ];
}

/**
 * GitHub Actions annotations for a run, as workflow command lines to print on stdout: one
 * `::error` per failed check, at its definition (or suite file), titled `<target>: <check id>`,
 * saying the failure, each expectation that did not hold (expected/given), the hint and the
 * Correlation-Id; one `::warning` per unconfirmed expectation. Every value is escaped, so none
 * can end the line and issue a command of its own. (GitHub shows the first 10 of each kind per step.)
 */
export function githubAnnotations(results: RunResults): string[] {
  return results.targets.flatMap((target) =>
    target.checks.flatMap((check) => {
      const { file, line } = place(check);
      const errors =
        check.status === 'failed'
          ? [
              workflowCommand(
                'error',
                { file, line, title: `${target.name}: ${check.id}` },
                failureLines(check).join('\n'),
              ),
            ]
          : [];
      const warnings = check.unconfirmed.map((text) =>
        workflowCommand('warning', { file, line, title: `${target.name}: ${check.id} unconfirmed` }, text),
      );
      return [...errors, ...warnings];
    }),
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function verdict(results: RunResults): string {
  const failed = results.targets.reduce((sum, target) => sum + target.counts.failed, 0);
  const checks = results.targets.reduce((sum, target) => sum + target.checks.length, 0);
  if (results.run.outcome === 'interrupted')
    return `## ⚠️ idflow: interrupted (${failed} failed before it stopped)`;
  if (results.run.outcome === 'failed' || failed > 0)
    return `## ❌ idflow: ${failed} check${failed === 1 ? '' : 's'} failed`;
  return `## ✅ idflow: passed (${checks} check${checks === 1 ? '' : 's'})`;
}

function countsTable(results: RunResults): string {
  const rows = results.targets.map((target) => [
    mdCell(target.name),
    String(target.counts.passed),
    String(target.counts.failed),
    String(target.counts.skipped),
    String(target.counts.unconfirmed),
    mdCell(target.tenant),
    mdCell(results.run.id),
    seconds(target.checks.reduce((sum, check) => sum + check.durationMs, 0)),
  ]);
  return mdTable(
    ['Target', 'Passed', 'Failed', 'Skipped', 'Unconfirmed', 'Tenant', 'Run id', 'Duration'],
    rows,
  );
}

function failureSection(target: TargetResults, check: CheckRun): string {
  const failure = check.failure;
  const lines = [`#### ${mdText(`${target.name}: ${check.id}`)}`, '', mdText(summaryOf(check)), ''];
  for (const line of missedExpectations(check)) lines.push(`- ${mdText(line)}`);
  if (failure?.hint) lines.push(`- **Hint:** ${mdText(failure.hint)}`);
  const evidence = failure?.evidence;
  if (evidence?.vendorCode || evidence?.vendorMessage) {
    const said = [evidence.vendorCode, evidence.vendorMessage].filter(Boolean).join(': ');
    lines.push(`- **Tenant said:** ${mdText(said)}`);
  }
  if (evidence?.correlationId) lines.push(`- **Correlation-Id:** ${mdText(evidence.correlationId)}`);
  if (evidence?.curl) {
    lines.push(
      '',
      '<details><summary>curl</summary>',
      '',
      mdCodeBlock(evidence.curl, 'sh'),
      '',
      '</details>',
    );
  }
  return lines.join('\n');
}

function slowestTable(results: RunResults): string {
  const all = results.targets.flatMap((target) =>
    target.exchanges.map((exchange): [string, ExchangeRecord] => [target.name, exchange]),
  );
  const slowest = all.sort((a, b) => b[1].durationMs - a[1].durationMs).slice(0, SLOWEST_REQUESTS);
  return mdTable(
    ['Target', 'Method', 'Path', 'Status', 'ms', 'Check'],
    slowest.map(([target, exchange]) => [
      mdCell(target),
      mdCell(exchange.method),
      mdCell(exchange.pathTemplate),
      exchange.status === undefined ? mdCell(exchange.error?.code ?? 'no answer') : String(exchange.status),
      String(Math.round(exchange.durationMs)),
      mdCell(exchange.check),
    ]),
  );
}

/**
 * The job's step summary (`$GITHUB_STEP_SUMMARY`), in GitHub-flavoured Markdown: the verdict, a
 * table of counts per target, each failure (expected/given, hint, Correlation-Id, the curl
 * collapsed), the unconfirmed expectations and the slowest requests. Values from the tenant are
 * escaped: a vendor's message cannot break a table or become HTML.
 */
export function githubStepSummary(results: RunResults): string {
  const flags = [results.run.strict ? '--strict' : '', results.run.smoke ? '--smoke' : ''].filter(Boolean);
  const parts = [
    verdict(results),
    `Run ${mdText(results.run.id)}, started ${mdText(results.run.startedAt)}, ${seconds(results.run.durationMs)}` +
      `${flags.length ? ` (${flags.join(' ')})` : ''}; idflow ${mdText(results.tool.version)}.`,
    countsTable(results),
  ];
  const failures = results.targets.flatMap((target) =>
    target.checks.filter((check) => check.status === 'failed').map((check) => failureSection(target, check)),
  );
  if (failures.length) parts.push('### Failures', ...failures);
  const unconfirmed = results.targets.flatMap((target) =>
    target.checks.flatMap((check) =>
      check.unconfirmed.map((text) => `- **${mdText(`${target.name}: ${check.id}`)}:** ${mdText(text)}`),
    ),
  );
  if (unconfirmed.length) parts.push('### Unconfirmed', unconfirmed.join('\n'));
  if (results.targets.some((target) => target.exchanges.length)) {
    parts.push(`### Slowest requests`, slowestTable(results));
  }
  return `${parts.join('\n\n')}\n`;
}
