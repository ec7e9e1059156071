import { InferredNotes, escapeCell, sourceCell } from './source-cells.ts';
import type { ProbeDefinition } from '../flow/probe/probe.ts';

/** README table header: bullet → check → how it is provoked → expected response → its sources. */
export const PROBE_TABLE_HEADER = [
  '| Step | Troubleshooting bullet | Check id | How it is provoked | Expected response | Source |',
  '|---|---|---|---|---|---|',
];

/** One Markdown row per probe, in the given order; a named skip shows its reason. */
export function probeTableRows(
  probes: readonly ProbeDefinition[],
  notes: InferredNotes = new InferredNotes(),
): string[] {
  return probes.map((probe) => {
    const expected = probe.skip ? `skipped: ${probe.skip}` : probe.expected;
    return (
      `| ${probe.stepId} | ${escapeCell(probe.bullet)} | \`${probe.id}\` | ` +
      `${escapeCell(probe.provoked)} | ${escapeCell(expected)} | ${sourceCell(probe.step, notes)} |`
    );
  });
}

/** The whole table as Markdown, then the numbered reasons of its inferred expectations. */
export function probeTable(probes: readonly ProbeDefinition[]): string {
  const notes = new InferredNotes();
  const rows = probeTableRows(probes, notes);
  return [...PROBE_TABLE_HEADER, ...rows, ...notes.lines()].join('\n');
}
