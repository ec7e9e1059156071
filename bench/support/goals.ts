import type { FigureId, ToolFigures } from './figures.ts';

/** What a goal's bound may depend on: both tools' figures at one latency. */
export interface GoalContext {
  readonly latencyMs: number;
  readonly idflow: ToolFigures;
  readonly newman: ToolFigures;
  /** The round trips on the critical path of idflow's plan (see `critical-path-round-trips.ts`). */
  readonly criticalPathRoundTrips: number;
}

/** The most idflow's figure may be, and how the goal reads (`≤ 2 × Newman`). */
export interface GoalBound {
  readonly limit: number;
  readonly text: string;
}

/**
 * A goal of the issue: idflow's `figure` must not exceed `bound(context)`. `latencies` restricts it
 * to those added latencies (every latency when absent). A goal needing another input adds it to
 * `GoalContext` and its row to `GOALS`.
 */
export interface Goal {
  readonly figure: FigureId;
  readonly latencies?: readonly number[];
  bound(context: GoalContext): GoalBound;
}

/** The goals of the issue, in the order the table prints them under each figure. */
export const GOALS: readonly Goal[] = [
  { figure: 'firstRequestMs', bound: () => ({ limit: 1000, text: '≤ 1.00 s' }) },
  {
    figure: 'wallMs',
    latencies: [0],
    bound: ({ newman }) => ({ limit: newman.wallMs / 2, text: '≤ Newman / 2' }),
  },
  {
    figure: 'wallMs',
    latencies: [50],
    bound: ({ newman }) => ({ limit: newman.wallMs / 3, text: '≤ Newman / 3' }),
  },
  {
    // Start-up is the time to the flow's first request (the preflight included); then the plan's
    // critical path, each round trip a latency, with 20 % slack for everything else.
    figure: 'wallMs',
    latencies: [50],
    bound: ({ idflow, latencyMs, criticalPathRoundTrips }) => ({
      limit: idflow.firstFlowRequestMs + 1.2 * criticalPathRoundTrips * latencyMs,
      text: `≤ start-up + 1.2 × ${criticalPathRoundTrips} critical-path round trips × ${latencyMs} ms`,
    }),
  },
  {
    figure: 'cpuMs',
    latencies: [0],
    bound: ({ newman }) => ({ limit: 2 * newman.cpuMs, text: '≤ 2 × Newman' }),
  },
  {
    figure: 'peakRssBytes',
    bound: ({ newman }) => ({ limit: 1.5 * newman.peakRssBytes, text: '≤ 1.5 × Newman' }),
  },
];

/** A goal judged at one latency. */
export interface GoalVerdict {
  readonly figure: FigureId;
  readonly text: string;
  readonly limit: number;
  readonly value: number;
  readonly met: boolean;
}

/** The goals that apply at `context.latencyMs`, judged (a figure that could not be measured misses). */
export function judgeGoals(context: GoalContext, goals: readonly Goal[] = GOALS): GoalVerdict[] {
  return goals
    .filter((goal) => goal.latencies === undefined || goal.latencies.includes(context.latencyMs))
    .map((goal) => {
      const { limit, text } = goal.bound(context);
      const value = context.idflow[goal.figure];
      return { figure: goal.figure, text, limit, value, met: value <= limit };
    });
}
