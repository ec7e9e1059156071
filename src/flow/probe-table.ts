import type { ProbeDefinition } from './probe.ts';

/** README table header: bullet → check → how it is provoked → expected response. */
export const PROBE_TABLE_HEADER = ['| Step | Troubleshooting bullet | Check id | How it is provoked | Expected response |', '|---|---|---|---|---|'];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One Markdown row per probe, in the given order; a named skip shows its reason. */
export function probeTableRows(probes: readonly ProbeDefinition[]): string[] {
  return probes.map((probe) => {
    const expected = probe.skip ? `skipped: ${probe.skip}` : probe.expected;
    return `| ${probe.stepId} | ${cell(probe.bullet)} | \`${probe.id}\` | ${cell(probe.provoked)} | ${cell(expected)} |`;
  });
}

/** The whole table as Markdown. */
export function probeTable(probes: readonly ProbeDefinition[]): string {
  return [...PROBE_TABLE_HEADER, ...probeTableRows(probes)].join('\n');
}
