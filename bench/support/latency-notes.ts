import { availableParallelism } from 'node:os';
import type { LatencyMeasurement } from './measure-latency.ts';

const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** What a reader needs to trust one latency's table: preflight, sampling, CPU cross-check, counts. */
export function latencyNotes(measurement: LatencyMeasurement, sampleIntervalMs: number): string[] {
  const measured = measurement.runs.filter((run) => run.repetition > 0);
  const gaps = measured.map((run) => run.measurement.samples);
  const escaped = measured.filter((run) => run.measurement.cpuEscapedWaitChain);
  const preflightMissing = measured.filter(
    (run) => run.tool === 'idflow' && run.firstFlowRequestMs === undefined,
  );
  const stable = (['idflow', 'newman'] as const).every((tool) => {
    const counts = measurement[tool].requestCounts;
    return counts.every((count) => count === counts[0]);
  });
  const capacityMs = measured.reduce((sum, run) => sum + run.measurement.wallMs, 0) * availableParallelism();
  const otherMs = measured.reduce((sum, run) => sum + Math.max(0, run.otherCpuMs), 0);
  const stealMs = measured.reduce((sum, run) => sum + run.stealMs, 0);
  const share = (ms: number): string => `${((100 * ms) / capacityMs).toFixed(0)} %`;
  return [
    `critical path of idflow's plan: ${measurement.criticalPath.roundTrips} round trips ` +
      `(${measurement.criticalPath.chain.join(' → ')})`,
    `other work during the measured runs: ${(otherMs / 1000).toFixed(1)} s of CPU (${share(otherMs)} of ` +
      `${availableParallelism()} cores), ${(stealMs / 1000).toFixed(1)} s stolen by the hypervisor` +
      (otherMs + stealMs > 0.05 * capacityMs
        ? ': the machine was not quiet, so wall times and start-ups are inflated'
        : ''),
    `idflow's preflight: the ${measurement.preflight.length} requests 'idflow doctor' sends ` +
      `(${[...new Set(measurement.preflight.map((request) => request.method))].join('/')} only); ` +
      `"first request of the flow" is the request after them` +
      (preflightMissing.length
        ? ` — ${preflightMissing.length} idflow run(s) did not start with them: n/a`
        : '; every idflow run started with exactly them, in some order (its reads go side by side)') +
      '. Newman sends no preflight: its two launch figures are the same request.',
    `peak RSS: /proc sampled every ${sampleIntervalMs} ms (achieved gaps: median ` +
      `${ms(Math.max(...gaps.map((each) => each.medianGapMs)))} at worst, max ` +
      `${ms(Math.max(...gaps.map((each) => each.maxGapMs)))}); up to ` +
      `${Math.max(...gaps.map((each) => each.processes))} processes in one tree.`,
    escaped.length === 0
      ? 'CPU: from the wait chain (cutime + cstime); the /proc samples never saw more.'
      : `CPU: ${escaped.length} run(s) had a process escape the wait chain; the sampled (lower) bound was used for them.`,
    stable
      ? 'requests: every repetition of each tool sent as many.'
      : 'requests: the repetitions did not send as many (see "varied" above).',
  ];
}
