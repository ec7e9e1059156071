/** What a sweep did to a resource it acted on; every other action is why it was left alone. */
export type SweepOutcome = 'deleted' | 'would delete' | 'failed';

/**
 * One line of a sweep's report, for any target: the action (an outcome, or the reason the
 * resource was left alone, such as `too recent`), what it names, and the detail after the colon.
 */
export interface SweepLine<Reason extends string = string> {
  readonly action: SweepOutcome | Reason;
  /** The resource, e.g. `idflow-20261123t0729-8ecfe1 (id, SANDBOX)`, or a group of them. */
  readonly subject: string;
  readonly detail: string;
  /** How many resources the line stands for (a line summing up those not named like ours); 1 if absent. */
  readonly count?: number;
}

/** A sweep's report: its lines, and notes about what it could not look at. */
export interface SweepReport {
  readonly lines: readonly SweepLine[];
  readonly notes?: readonly string[];
}

function total(lines: readonly SweepLine[], action?: string): number {
  return lines
    .filter((line) => action === undefined || line.action === action)
    .reduce((sum, line) => sum + (line.count ?? 1), 0);
}

/** Text a tenant supplied (names, ids) made safe for a terminal: control characters escaped. */
function printable(text: string): string {
  return Array.from(text, (char) => {
    const code = char.codePointAt(0) ?? 0;
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    return control ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }).join('');
}

/**
 * The report as printed (tenant-supplied text with control characters escaped): one aligned line per entry,
 * the notes, then the totals
 * (`1 deleted, 2 left alone, 1 failed.`; `1 would be deleted, …` on a dry run).
 */
export function formatSweepReport(report: SweepReport, dryRun: boolean): string {
  const { lines } = report;
  const width = Math.max(0, ...lines.map((line) => line.action.length));
  const body = lines.map(
    ({ action, subject, detail }) =>
      `  ${action.padEnd(width)}  ${printable(subject)}: ${printable(detail)}\n`,
  );
  const notes = (report.notes ?? []).map((note) => `note: ${printable(note)}\n`);
  const deleted = total(lines, 'deleted');
  const wouldDelete = total(lines, 'would delete');
  const failed = total(lines, 'failed');
  const acted = dryRun ? `${wouldDelete} would be deleted` : `${deleted} deleted`;
  const leftAlone = total(lines) - deleted - wouldDelete - failed;
  return `${body.join('')}${notes.join('')}${acted}, ${leftAlone} left alone${failed ? `, ${failed} failed` : ''}.\n`;
}
