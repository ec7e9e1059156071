import { median } from './median.ts';
import type { ToolRun } from './tool-run.ts';

/** One tool's figures at one latency: medians over its measured repetitions. */
export interface ToolFigures {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssBytes: number;
  readonly firstRequestMs: number;
  /** NaN when a run's first requests were not the expected preflight. */
  readonly firstFlowRequestMs: number;
  readonly requests: number;
  /** Every repetition's request count, in run order (equal when the runs did the same work). */
  readonly requestCounts: readonly number[];
  readonly exitCodes: readonly (number | null)[];
}

/** The name of a figure (a numeric field of `ToolFigures`). */
export type FigureId =
  'firstRequestMs' | 'firstFlowRequestMs' | 'wallMs' | 'cpuMs' | 'peakRssBytes' | 'requests';

/** How a figure is printed: its label and how a value reads. */
export interface FigureDefinition {
  readonly id: FigureId;
  readonly label: string;
  format(value: number): string;
}

const seconds = (ms: number): string => (Number.isNaN(ms) ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const mebibytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The figures of the result table, in print order. */
export const FIGURES: readonly FigureDefinition[] = [
  { id: 'firstRequestMs', label: 'launch → first request', format: seconds },
  { id: 'firstFlowRequestMs', label: 'launch → first request of the flow', format: seconds },
  { id: 'wallMs', label: 'wall time', format: seconds },
  { id: 'cpuMs', label: 'CPU (user + sys, whole tree)', format: seconds },
  { id: 'peakRssBytes', label: 'peak RSS (summed over the tree)', format: mebibytes },
  { id: 'requests', label: 'requests sent', format: (value) => String(value) },
];

/** The medians of a tool's measured runs (warm-ups excluded by the caller). */
export function toolFigures(runs: readonly ToolRun[]): ToolFigures {
  // A figure some run lacks (no request arrived, not the expected preflight) has no median.
  const of = (pick: (run: ToolRun) => number | undefined): number => {
    const values = runs.map(pick);
    return values.every((value) => value !== undefined) ? median(values as number[]) : Number.NaN;
  };
  return {
    wallMs: of((run) => run.measurement.wallMs),
    cpuMs: of((run) => run.measurement.cpuMs),
    peakRssBytes: of((run) => run.measurement.samples.peakRssBytes),
    firstRequestMs: of((run) => run.firstRequestMs),
    firstFlowRequestMs: of((run) => run.firstFlowRequestMs),
    requests: of((run) => run.requests),
    requestCounts: runs.map((run) => run.requests),
    exitCodes: runs.map((run) => run.measurement.exitCode),
  };
}
