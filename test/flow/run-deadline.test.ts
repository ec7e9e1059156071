import { expect, test } from 'vitest';
import { ConfigError } from '../../src/errors/config-error.ts';
import {
  createRunDeadline,
  describeRunDeadline,
  runDeadlineEnvironment,
  runDeadlineFromEnvironment,
} from '../../src/process/run-deadline.ts';

test('a deadline counts down on its clock and passes at its instant', () => {
  let now = 1_000;
  const deadline = createRunDeadline({ atMs: 1_500, label: '20m', now: () => now });
  expect(deadline.remainingMs()).toBe(500);
  expect(deadline.passed()).toBe(false);
  now = 1_500;
  expect(deadline.passed()).toBe(true);
  now = 2_000;
  expect(deadline.remainingMs()).toBe(-500);
  expect(describeRunDeadline(deadline)).toBe('the whole-run deadline (20m, --deadline)');
});

test('the supervisor hands it to the child in the environment, instant and label', () => {
  const env = runDeadlineEnvironment(createRunDeadline({ atMs: 1_700_000_000_000, label: '90s' }));
  expect(env).toEqual({ IDFLOW_RUN_DEADLINE_AT: '1700000000000', IDFLOW_RUN_DEADLINE: '90s' });
  const read = runDeadlineFromEnvironment(env);
  expect(read?.atMs).toBe(1_700_000_000_000);
  expect(read?.label).toBe('90s');
  expect(read?.passed()).toBe(true);
});

test('without the variable there is no deadline (vitest run directly, or the supervisor itself)', () => {
  expect(runDeadlineFromEnvironment({})).toBeUndefined();
  expect(runDeadlineFromEnvironment({ IDFLOW_RUN_DEADLINE_AT: '' })).toBeUndefined();
});

test('a malformed instant is a configuration error naming the variable', () => {
  expect(() => runDeadlineFromEnvironment({ IDFLOW_RUN_DEADLINE_AT: 'soon' })).toThrow(ConfigError);
  expect(() => runDeadlineFromEnvironment({ IDFLOW_RUN_DEADLINE_AT: 'soon' })).toThrow(
    /IDFLOW_RUN_DEADLINE_AT must be a time in epoch milliseconds, got "soon"/,
  );
});
