import { mdCell, mdTable, mdText } from './markdown-text.ts';
import type { CheckChange, Comparison, RunLabel } from './compare-results.ts';
import type { EndpointTiming } from './endpoint-timings.ts';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function title(comparison: Comparison): string {
  const failed = comparison.newlyFailed.length;
  const fixed = comparison.fixed.length;
  const verdict = failed ? `${failed} newly failed` : 'nothing newly failed';
  return `# idflow compare: ${verdict}${fixed ? `, ${fixed} fixed` : ''}`;
}

function runLine(name: string, run: RunLabel): string {
  const targets = run.targets.map((target) => `${target.name} (${target.tenant})`).join(', ') || 'no target';
  return `- **${name}:** run ${mdText(run.id)}, started ${mdText(run.startedAt)}, idflow ${mdText(run.toolVersion)}, ${mdText(targets)}`;
}

/** A warning when the two files ran different targets or tenants: their differences are not regressions. */
function tenantWarning(comparison: Comparison): string | undefined {
  const describe = (run: RunLabel) =>
    run.targets
      .map((target) => `${target.name}@${target.tenant}`)
      .sort()
      .join(', ');
  const before = describe(comparison.old);
  const after = describe(comparison.new);
  if (before === after) return undefined;
  return `> ⚠️ OLD and NEW ran against different targets or tenants (OLD: ${mdText(before || 'none')}; NEW: ${mdText(after || 'none')}).`;
}

function status(value: string | undefined): string {
  return value ?? 'absent';
}

function section(
  heading: string,
  changes: readonly CheckChange[],
  columns: readonly [string, (change: CheckChange) => string][],
): string[] {
  if (changes.length === 0) return [];
  const rows = changes.map((change) => [
    mdCell(change.target),
    mdCell(change.id),
    ...columns.map(([, cell]) => cell(change)),
  ]);
  return [
    `## ${heading} (${changes.length})`,
    mdTable(['Target', 'Check', ...columns.map(([name]) => name)], rows),
  ];
}

const BEFORE: [string, (change: CheckChange) => string] = ['Before', (change) => status(change.before)];
const DETAIL: [string, (change: CheckChange) => string] = ['Detail', (change) => mdCell(change.detail ?? '')];

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** `180 ms (+100 %, +90 ms)`, bold when slower beyond the threshold. */
function timingCell(before: number, after: number, slower: boolean): string {
  const delta = after - before;
  const percent = before > 0 ? `${delta >= 0 ? '+' : ''}${Math.round((delta / before) * 100)} %, ` : '';
  const text = `${ms(after)} (${percent}${delta >= 0 ? '+' : '−'}${ms(Math.abs(delta))})`;
  return slower ? `**${text}**` : text;
}

function timingsSection(comparison: Comparison): string[] {
  const { percent, ms: margin } = comparison.threshold;
  const rule = `+${percent} % and +${margin} ms`;
  const compared = plural(comparison.timings.length, 'endpoint');
  if (comparison.slower.length === 0) {
    return [
      '## Endpoint timings',
      `No endpoint is slower beyond the noise threshold (${rule}); ${compared} compared.`,
    ];
  }
  const rows = comparison.slower.map((timing: EndpointTiming) => [
    mdCell(timing.target),
    mdCell(`${timing.method} ${timing.pathTemplate}`),
    ms(timing.old.medianMs),
    timingCell(timing.old.medianMs, timing.new.medianMs, timing.medianSlower),
    ms(timing.old.p95Ms),
    timingCell(timing.old.p95Ms, timing.new.p95Ms, timing.p95Slower),
    `${timing.old.count} / ${timing.new.count}`,
  ]);
  return [
    `## Slower endpoints (${comparison.slower.length})`,
    `Slower: NEW's median or p95 request time exceeds OLD's by more than ${rule} (answered requests sent once; ${compared} compared).`,
    mdTable(
      ['Target', 'Endpoint', 'Median OLD', 'Median NEW', 'p95 OLD', 'p95 NEW', 'Requests OLD / NEW'],
      rows,
    ),
  ];
}

/**
 * The comparison as GitHub-flavoured Markdown, readable as plain text too: a title with the
 * verdict, the two runs, then a table per kind of change (newly failed first, or `Nothing newly
 * failed.`), and the endpoints that got slower. Values from the files are escaped.
 */
export function compareMarkdown(comparison: Comparison): string {
  const warning = tenantWarning(comparison);
  const parts: string[] = [
    title(comparison),
    [runLine('OLD', comparison.old), runLine('NEW', comparison.new)].join('\n'),
    ...(warning ? [warning] : []),
  ];
  parts.push(
    ...(comparison.newlyFailed.length
      ? section('Newly failed', comparison.newlyFailed, [
          BEFORE,
          ['Failure', (change) => mdCell(change.detail ?? '')],
        ])
      : ['## Newly failed', 'Nothing newly failed.']),
    ...section('Fixed', comparison.fixed, [BEFORE]),
    ...section('Still failing', comparison.stillFailing, [DETAIL]),
  );
  if (comparison.newlyUnconfirmed.length) {
    parts.push(
      `## Newly unconfirmed (${comparison.newlyUnconfirmed.length})`,
      mdTable(
        ['Target', 'Check', 'Unconfirmed'],
        comparison.newlyUnconfirmed.map((entry) => [
          mdCell(entry.target),
          mdCell(entry.id),
          entry.unconfirmed.map(mdCell).join('<br>'),
        ]),
      ),
    );
  }
  parts.push(
    ...section('Newly skipped', comparison.newlySkipped, [
      BEFORE,
      ['Reason', (change) => mdCell(change.detail ?? '')],
    ]),
    ...section('Checks that disappeared', comparison.disappeared, [
      ['Status in OLD', (change) => status(change.before)],
    ]),
    ...section('Checks that appeared', comparison.appeared, [
      ['Status', (change) => status(change.after)],
      DETAIL,
    ]),
    ...timingsSection(comparison),
  );
  return `${parts.join('\n\n')}\n`;
}
