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
  const loads = measured.map((run) => run.loadAverage);
  const busiest = Math.max(...loads);
  return [
    `load average (1 min) before the measured runs: ${Math.min(...loads).toFixed(2)}–${busiest.toFixed(2)}` +
      (busiest > availableParallelism()
        ? ` on ${availableParallelism()} cores: other work shared the machine, so wall times and start-ups are inflated`
        : ''),
    `idflow's preflight: the ${measurement.preflight.length} requests 'idflow doctor' sends ` +
      `(${[...new Set(measurement.preflight.map((request) => request.method))].join('/')} only); ` +
      `"first request of the flow" is the request after them` +
      (preflightMissing.length
        ? ` — ${preflightMissing.length} idflow run(s) did not start with them: n/a`
        : '; every idflow run started with exactly them') +
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
