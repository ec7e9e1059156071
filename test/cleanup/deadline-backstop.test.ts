import { afterEach, expect, test, vi } from 'vitest';
import { KILL_AFTER_MS, armDeadlineBackstop } from '../../src/supervisor/deadline-backstop.ts';
import { createRunDeadline } from '../../src/process/run-deadline.ts';

afterEach(() => {
  vi.useRealTimers();
});

function armed(options: { deadlineInMs: number; graceMs: number }) {
  const signals: NodeJS.Signals[] = [];
  const lines: string[] = [];
  const deadline = createRunDeadline({ atMs: Date.now() + options.deadlineInMs, label: '20m' });
  const backstop = armDeadlineBackstop({
    deadline,
    graceMs: options.graceMs,
    stop: (signal) => signals.push(signal),
    say: (line) => lines.push(line),
  });
  return { backstop, signals, lines };
}

test('at the deadline plus the grace it says so, sends SIGTERM, then SIGKILL a few seconds later', () => {
  vi.useFakeTimers();
  const { backstop, signals, lines } = armed({ deadlineInMs: 1_000, graceMs: 120_000 });
  vi.advanceTimersByTime(120_999);
  expect(signals).toEqual([]);
  expect(backstop.fired()).toBe(false);
  vi.advanceTimersByTime(1);
  expect(backstop.fired()).toBe(true);
  expect(lines).toEqual([
    'the run passed its deadline of 20m and teardown did not finish within 2m; stopping it',
  ]);
  expect(signals).toEqual(['SIGTERM']);
  vi.advanceTimersByTime(KILL_AFTER_MS);
  expect(signals).toEqual(['SIGTERM', 'SIGKILL']);
});

test('a run that ends in time disarms it: nothing is said or sent', () => {
  vi.useFakeTimers();
  const { backstop, signals, lines } = armed({ deadlineInMs: 1_000, graceMs: 1_000 });
  vi.advanceTimersByTime(500);
  backstop.disarm();
  vi.advanceTimersByTime(60_000);
  expect([...signals, ...lines]).toEqual([]);
  expect(backstop.fired()).toBe(false);
});

test('disarming after SIGTERM (the run stopped) spares it the SIGKILL', () => {
  vi.useFakeTimers();
  const { backstop, signals } = armed({ deadlineInMs: 0, graceMs: 0 });
  vi.advanceTimersByTime(0);
  expect(signals).toEqual(['SIGTERM']);
  backstop.disarm();
  vi.advanceTimersByTime(KILL_AFTER_MS);
  expect(signals).toEqual(['SIGTERM']);
});
