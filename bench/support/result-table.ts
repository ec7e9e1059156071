import { FIGURES, type ToolFigures } from './figures.ts';
import type { GoalVerdict } from './goals.ts';

/** The figures of one latency, as the table prints them. */
export interface LatencyResult {
  readonly latencyMs: number;
  readonly idflow: ToolFigures;
  readonly newman: ToolFigures;
  readonly verdicts: readonly GoalVerdict[];
}

const HEADER = ['figure', 'idflow', 'Newman', 'ratio', 'goal', 'met/MISSED'];

function ratio(idflow: number, newman: number): string {
  return Number.isFinite(idflow / newman) ? `${(idflow / newman).toFixed(2)}×` : 'n/a';
}

/** `171`, or `171 (varied: 171, 170, 171)` when the repetitions did not send as many. */
function requestCount(figures: ToolFigures): string {
  const counts = figures.requestCounts;
  return counts.every((count) => count === counts[0])
    ? String(figures.requests)
    : `${figures.requests} (varied: ${counts.join(', ')})`;
}

/** The rows: one per figure and goal (a figure without a goal gets one row with none), then the exit codes. */
function rows(result: LatencyResult): string[][] {
  const lines: string[][] = [];
  for (const figure of FIGURES) {
    const idflow =
      figure.id === 'requests' ? requestCount(result.idflow) : figure.format(result.idflow[figure.id]);
    const newman =
      figure.id === 'requests' ? requestCount(result.newman) : figure.format(result.newman[figure.id]);
    const cells = [figure.label, idflow, newman, ratio(result.idflow[figure.id], result.newman[figure.id])];
    const verdicts = result.verdicts.filter((verdict) => verdict.figure === figure.id);
    if (verdicts.length === 0) lines.push([...cells, '', '']);
    for (const verdict of verdicts)
      lines.push([
        ...cells,
        `${verdict.text} (${figure.format(verdict.limit)})`,
        verdict.met ? 'met' : 'MISSED',
      ]);
  }
  lines.push([
    'exit codes',
    result.idflow.exitCodes.join(' '),
    result.newman.exitCodes.join(' '),
    '',
    '',
    '',
  ]);
  return lines;
}

/** One latency's results as an aligned Markdown table. */
export function resultTable(result: LatencyResult): string {
  const table = [HEADER, ...rows(result)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(HEADER), rule, ...table.slice(1).map(line)].join('\n');
}
