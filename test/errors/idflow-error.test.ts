import { describe, expect, test } from 'vitest';
import { IdflowError } from '../../src/errors/idflow-error.ts';

describe('IdflowError stack', () => {
  test("a tenant's or a configuration's fault prints its message only, no idflow source frames", () => {
    for (const fault of ['api', 'config'] as const) {
      const error = new IdflowError('STATUS_MISMATCH', 'step 05 failed: status: expected 201, given 200', {
        fault,
      });
      expect(error.stack).toBe('IdflowError: step 05 failed: status: expected 201, given 200');
    }
  });

  test('a bug in the suite keeps its stack, which is ours to debug', () => {
    const error = new IdflowError('SUITE_BUG', 'a step names no request', { fault: 'suite' });
    expect(error.stack).toMatch(/\n\s+at /);
  });
});
