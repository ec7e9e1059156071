import { describe, expect, test } from 'vitest';
import { checkAgainstBaseline } from '../../src/baseline/baseline-hook.ts';
import { injectedBaseline } from '../../src/baseline/injected-baseline.ts';
import { BaselineMismatchError } from '../../src/baseline/index.ts';
import { MFA_DEVIATION, MFA_FALSE, STATUS_OK, baselineOf, stepFailure } from './fixtures.ts';

const STEP = '07b-read-user-mfa-enabled';

describe('checkAgainstBaseline', () => {
  test('outside a target project no baseline is provided, so nothing is accepted', () => {
    expect(injectedBaseline().deviations).toEqual([]);
  });

  test('an accepted deviation resolves undefined and annotates the test with the reason', async (context) => {
    const result = await checkAgainstBaseline(
      context,
      STEP,
      () => Promise.reject(stepFailure(STEP, 'CHECK_FAILED', [STATUS_OK, MFA_FALSE])),
      baselineOf(MFA_DEVIATION),
    );
    expect(result).toBeUndefined();
    expect(context.task.annotations.map((each) => [each.type, each.message])).toEqual([
      [
        'known-deviation',
        expect.stringMatching(/^known deviation: tenant applies mfaEnabled asynchronously/),
      ],
    ]);
  });

  test('an unlisted check returns its value or rethrows its own failure', async (context) => {
    await expect(checkAgainstBaseline(context, STEP, () => Promise.resolve(42), baselineOf())).resolves.toBe(
      42,
    );
    const failure = stepFailure(STEP, 'CHECK_FAILED', [STATUS_OK, MFA_FALSE]);
    await expect(
      checkAgainstBaseline(context, STEP, () => Promise.reject(failure), baselineOf()),
    ).rejects.toBe(failure);
  });

  test('a listed check that passes throws UNEXPECTED_PASS', async (context) => {
    const run = checkAgainstBaseline(context, STEP, () => Promise.resolve('ok'), baselineOf(MFA_DEVIATION));
    await expect(run).rejects.toBeInstanceOf(BaselineMismatchError);
    await expect(run).rejects.toMatchObject({ code: 'UNEXPECTED_PASS' });
  });

  test('a skip passes through, noted as not verified when the check is listed', async (context) => {
    const skip = Object.assign(new Error('skipped'), { code: 'VITEST_PENDING' });
    await expect(
      checkAgainstBaseline(context, STEP, () => Promise.reject(skip), baselineOf(MFA_DEVIATION)),
    ).rejects.toBe(skip);
    expect(context.task.annotations.map((each) => each.message)).toEqual([
      `known deviation not verified: ${STEP} was skipped`,
    ]);
  });
});
