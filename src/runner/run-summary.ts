import type { CheckView, ModuleView } from '../flow/run/check-view.ts';
import { redact } from '../redact/secrets.ts';
import { INFERRED_UNCONFIRMED } from './calibration.ts';

/** What the summary says about one target of the run. */
export interface SummaryTarget {
  readonly name: string;
  /** The tenant's host, or how the run reached it (`embedded emulator`). */
  readonly tenant: string;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  unconfirmed: number;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function failureLine(test: CheckView): string {
  const error = test.result().errors?.[0] as
    { message?: string; evidence?: { correlationId?: string } } | undefined;
  const correlation = error?.evidence?.correlationId;
  return (
    `idflow:   failed ${test.name.split(':')[0] ?? test.name}` +
    (correlation ? ` (Correlation-Id ${correlation})` : '') +
    `: ${firstLine(error?.message ?? 'failed')}`
  );
}

/**
 * The closing summary of a run, on stderr: per target its run id (the tag on what it created),
 * the tenant host, passed / failed / skipped / unconfirmed, and each failure with its
 * Correlation-Id and first line; then the duration, and when `--bail` stopped the run, that it
 * stopped early. Only reads results.
 */
export function runSummary(
  modules: readonly ModuleView[],
  options: {
    readonly targets: readonly SummaryTarget[];
    readonly durationMs: number;
    readonly bail?: number | undefined;
  },
): string {
  const lines: string[] = [];
  let failures = 0;
  for (const target of options.targets) {
    const tests = modules
      .filter((module) => module.project.name === target.name)
      .flatMap((module) => [...module.children.allTests()]);
    if (tests.length === 0) continue;
    const counts: Counts = { passed: 0, failed: 0, skipped: 0, unconfirmed: 0 };
    let runId: string | undefined;
    for (const test of tests) {
      const state = test.result().state;
      if (state === 'passed' || state === 'failed' || state === 'skipped') counts[state] += 1;
      if (test.annotations().some((annotation) => annotation.type === INFERRED_UNCONFIRMED))
        counts.unconfirmed += 1;
      runId ??= test.meta().runId;
    }
    failures += counts.failed;
    lines.push(
      `idflow: ${target.name}${runId ? ` run ${runId}` : ''} against ${target.tenant}: ${counts.passed} passed, ` +
        `${counts.failed} failed, ${counts.skipped} skipped, ${counts.unconfirmed} unconfirmed`,
    );
    for (const test of tests) if (test.result().state === 'failed') lines.push(failureLine(test));
  }
  lines.push(`idflow: finished in ${(options.durationMs / 1000).toFixed(1)} s`);
  if (options.bail !== undefined && failures >= options.bail)
    lines.push(
      `idflow: stopped early: --bail ${options.bail} reached (${failures} failure(s) above); the checks after ` +
        'them did not run (reported skipped), and teardown deleted what the run created',
    );
  return redact(lines.join('\n'));
}
