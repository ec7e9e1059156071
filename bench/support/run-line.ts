import { availableParallelism } from 'node:os';
import type { ToolRun } from './tool-run.ts';

/**
 * One progress line for a finished run: wall time, requests, exit code, how busy the rest of the
 * machine kept its cores, and why the run is invalid when it is.
 */
export function runLine(
  run: ToolRun,
  context: { latencyMs: number; repetitions: number; quiet: boolean },
): string {
  const label = run.repetition === 0 ? 'warm-up' : `run ${run.repetition}/${context.repetitions}`;
  const otherShare = (100 * Math.max(0, run.otherCpuMs)) / (run.measurement.wallMs * availableParallelism());
  return (
    `  ${context.latencyMs} ms, ${label}, ${run.tool}: ${(run.measurement.wallMs / 1000).toFixed(2)} s, ` +
    `${run.requests} requests, exit ${String(run.measurement.exitCode)}, ` +
    `other work ${otherShare.toFixed(0)} % of the cores${context.quiet ? '' : ' (busy when it started)'}` +
    (run.problems.length ? ` — INVALID: ${run.problems.join('; ')}` : '')
  );
}
