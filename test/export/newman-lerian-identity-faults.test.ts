import { describe, expect, test } from 'vitest';
import { lerianIdentity } from '../../src/targets/lerian-identity/index.ts';
import { exportedCollection, harmfulFault, newmanAgainstEmulator } from './emulator-export.ts';
import { failureLines } from './newman-run.ts';

/**
 * Newman runs the exported Lerian Identity collection against each harmful fault the target says
 * where its suites catch (`faultCatches`, as `idflow selftest` judges them): a failed assertion
 * names that step and check.
 */
const collection = exportedCollection(lerianIdentity);
const catches = Object.entries(lerianIdentity.faultCatches ?? {});

describe.concurrent('Newman runs the exported Lerian Identity collection against a harmful fault', () => {
  test('the target names faults to catch', () => {
    expect(catches.length).toBeGreaterThan(2);
  });

  test.each(catches)(
    'against the %s fault: a failed assertion names the step and check that catch it',
    async (name, where) => {
      const summary = await newmanAgainstEmulator(lerianIdentity, collection, [
        await harmfulFault(lerianIdentity, name),
      ]);
      // A check's name, then its expected and given, as idflow words a failure: `status: expected 400, given 200`.
      const lines = failureLines(summary).map((line) => line.replace(' (inferred): ', ': '));
      const caught = where.some(({ step, check }) =>
        lines.some((line) => line.startsWith(`${step}: `) && line.includes(` → ${check}`)),
      );
      expect(caught, lines.join('\n')).toBe(true);
    },
    60_000,
  );
});
