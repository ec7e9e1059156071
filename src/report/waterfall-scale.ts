import type { ExchangeRecord } from './results.ts';

/** The shared time axis of a target's waterfall: every position is a percentage of its span. */
export interface WaterfallScale {
  /** The first exchange's start, epoch ms. */
  readonly origin: number;
  /** From the first start to the last end, ms (at least 1). */
  readonly span: number;
  /** Where the axis draws a line, ms after the origin. */
  readonly ticks: readonly number[];
}

/** The finite value or 0: a position drawn from a malformed number stays on the page. */
function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** A round step (1, 2 or 5 times a power of ten) that cuts the span into at most `most` parts. */
function tickStep(span: number, most: number): number {
  const rough = span / most;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough) ?? 10 * power;
}

export function waterfallScale(exchanges: readonly ExchangeRecord[]): WaterfallScale {
  const starts = exchanges.map((exchange) => finite(exchange.startMs));
  const ends = exchanges.map(
    (exchange) => finite(exchange.startMs) + Math.max(0, finite(exchange.durationMs)),
  );
  const origin = starts.length > 0 ? Math.min(...starts) : 0;
  const span = Math.max(1, (ends.length > 0 ? Math.max(...ends) : 0) - origin);
  const step = tickStep(span, 8);
  const ticks: number[] = [];
  for (let count = 0; count * step <= span; count += 1) ticks.push(count * step);
  return { origin, span, ticks };
}

/** A percentage of the span, clamped to the axis, as CSS wants it. */
export function percent(scale: WaterfallScale, ms: number): string {
  const value = Math.min(100, Math.max(0, (finite(ms) / scale.span) * 100));
  return `${value.toFixed(3)}%`;
}

/** A tick's label: `0`, `500 ms`, `1.5 s`. */
export function tickLabel(ms: number): string {
  if (ms === 0) return '0';
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(2))} s`;
}
