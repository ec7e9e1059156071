import { expect, test } from 'vitest';
import { UsageError } from '../../src/cli/usage-error.ts';
import { DEFAULT_DEADLINE, deadlineOption, teardownGraceMs } from '../../src/cli/deadline-option.ts';
import { runCli } from '../support/run-cli.ts';

test('--deadline takes a duration with a unit and keeps the text for messages', () => {
  expect(deadlineOption('90s')).toEqual({ ms: 90_000, label: '90s' });
  expect(deadlineOption('20m')).toEqual({ ms: 1_200_000, label: '20m' });
  expect(deadlineOption('1h')).toEqual({ ms: 3_600_000, label: '1h' });
  expect(deadlineOption(DEFAULT_DEADLINE)).toEqual({ ms: 1_800_000, label: '30m' });
});

test.each(['20', '0s', '-5m', '1.5h', '8d', 'soon', ''])(
  '--deadline %j is a usage error naming the option and an example',
  (value) => {
    expect(() => deadlineOption(value)).toThrow(UsageError);
    expect(() => deadlineOption(value)).toThrow(
      `--deadline must be a number above 0 with a unit s, m, h or d, at most 7d, got "${value}" (e.g. ` +
        `--deadline 20m).`,
    );
  },
);

test('IDFLOW_TEARDOWN_GRACE sets the teardown grace; unset it is 2 minutes', () => {
  expect(teardownGraceMs({})).toBe(120_000);
  expect(teardownGraceMs({ IDFLOW_TEARDOWN_GRACE: '0s' })).toBe(0);
  expect(teardownGraceMs({ IDFLOW_TEARDOWN_GRACE: '5m' })).toBe(300_000);
  expect(() => teardownGraceMs({ IDFLOW_TEARDOWN_GRACE: 'long' })).toThrow(
    /IDFLOW_TEARDOWN_GRACE must be .* got "long" \(e\.g\. IDFLOW_TEARDOWN_GRACE=2m\)/,
  );
});

test('idflow run with a bad --deadline exits 2 before anything runs', async () => {
  const result = await runCli(['run', '--deadline', '20'], { timeoutMs: 30_000 });
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toContain('--deadline must be a number above 0 with a unit s, m, h or d');
  expect(result.stderr).toContain('(e.g. --deadline 20m)');
  expect(result.stdout).toBe('');
});
