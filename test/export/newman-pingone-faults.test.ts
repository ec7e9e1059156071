import { describe, expect, test } from 'vitest';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { exportedCollection, harmfulFault, newmanAgainstEmulator } from './emulator-export.ts';
import { failureLines } from './newman-run.ts';

/** Newman runs the exported PingOne collection against an emulator with a harmful fault: red, naming the step. */
const collection = exportedCollection(pingOne);

describe.concurrent('Newman runs the exported PingOne collection against a harmful fault', () => {
  test.each([
    [
      'device-missing-status',
      /^10-create-totp-device: Create a TOTP device → a new TOTP device needs activation \(inferred\): expected "ACTIVATION_REQUIRED", given missing$/,
    ],
    [
      'mfa-enabled-not-persisted',
      /^07[a-z]?-read-user-mfa-[a-z]+: .* → GET shows mfaEnabled (true|false) after the PUT: expected (true|false), given (true|false)$/,
    ],
  ])(
    'against the %s fault: failed assertions name the step',
    async (name, expected) => {
      const summary = await newmanAgainstEmulator(pingOne, collection, [await harmfulFault(pingOne, name)]);
      const lines = failureLines(summary);
      expect(summary.run.stats.assertions.failed).toBeGreaterThan(0);
      expect(
        lines.some((line) => expected.test(line)),
        lines.join('\n'),
      ).toBe(true);
    },
    60_000,
  );
});
