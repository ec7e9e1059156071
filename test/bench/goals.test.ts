import { describe, expect, test } from 'vitest';
import type { ToolFigures } from '../../bench/support/figures.ts';
import { judgeGoals, type Goal } from '../../bench/support/goals.ts';
import { samePreflight } from '../../bench/support/tool-run.ts';

const figures = (overrides: Partial<ToolFigures>): ToolFigures => ({
  wallMs: 10_000,
  cpuMs: 5_000,
  peakRssBytes: 100,
  firstRequestMs: 500,
  firstFlowRequestMs: 500,
  requests: 171,
  requestCounts: [171],
  exitCodes: [0],
  ...overrides,
});

describe('judgeGoals', () => {
  test('applies a goal only at its latencies, against the bound it computes from Newman', () => {
    const goals: Goal[] = [
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
    ];
    const context = { idflow: figures({ wallMs: 4_000 }), newman: figures({}), criticalPathRoundTrips: 40 };
    expect(judgeGoals({ ...context, latencyMs: 0 }, goals)).toEqual([
      { figure: 'wallMs', text: '≤ Newman / 2', limit: 5_000, value: 4_000, met: true },
    ]);
    expect(judgeGoals({ ...context, latencyMs: 50 }, goals).map((verdict) => verdict.met)).toEqual([false]);
  });

  test('at 50 ms the wall time is bounded by start-up plus 1.2 × the critical path’s round trips', () => {
    const judged = (wallMs: number) =>
      judgeGoals({
        latencyMs: 50,
        idflow: figures({ wallMs, firstFlowRequestMs: 1_000 }),
        newman: figures({ wallMs: 30_000 }),
        criticalPathRoundTrips: 40,
      }).find((verdict) => verdict.text.startsWith('≤ start-up'));
    // 1 000 ms + 1.2 × 40 × 50 ms = 3 400 ms.
    expect(judged(3_400)).toMatchObject({ limit: 3_400, met: true });
    expect(judged(3_401)?.met).toBe(false);
  });

  test('a figure that could not be measured misses its goal', () => {
    const [verdict] = judgeGoals({
      latencyMs: 0,
      idflow: figures({ firstRequestMs: Number.NaN }),
      newman: figures({}),
      criticalPathRoundTrips: 40,
    }).filter((each) => each.figure === 'firstRequestMs');
    expect(verdict?.met).toBe(false);
  });
});

test('the preflight is recognised in any order (its reads go side by side), and only as a whole', () => {
  const doctor = [
    { method: 'POST', path: '/env/as/token' },
    { method: 'GET', path: '/v1/organizations' },
    { method: 'GET', path: '/v1/roles' },
  ];
  expect(samePreflight([doctor[0]!, doctor[2]!, doctor[1]!], doctor)).toBe(true);
  expect(samePreflight([doctor[0]!, doctor[2]!], doctor)).toBe(false);
  expect(samePreflight([doctor[0]!, doctor[2]!, { method: 'POST', path: '/v1/environments' }], doctor)).toBe(
    false,
  );
});
