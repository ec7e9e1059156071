import { afterAll, describe, expect, test } from 'vitest';
import { startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { startLerianIdentityEmulator } from '../../src/emulator/lerian-identity/index.ts';
import { runTargetSuiteAgainst, type EnvProvider } from '../support/standalone-run.ts';

/**
 * idflow's own scheduler and the suite files run by vitest are two ways to run one plan: against
 * the same emulator they must declare the same checks, with the same outcome and skip reasons.
 */
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

const emulators: Record<string, () => Promise<EnvProvider & { close(): Promise<void> }>> = {
  pingone: () => startPingOneEmulator({}),
  'lerian-identity': () => startLerianIdentityEmulator({}),
};

describe.concurrent('idflow’s scheduler and vitest run the same checks', { timeout: 180_000 }, () => {
  test.each(Object.keys(emulators))('%s', async (target) => {
    const emulator = await emulators[target]!();
    closers.push(() => emulator.close());
    const [own, vitest] = await Promise.all([
      runTargetSuiteAgainst(target, emulator),
      runTargetSuiteAgainst(target, emulator, [], undefined, 'vitest'),
    ]);
    expect(own.code, own.stderr).toBe(0);
    expect(vitest.code, vitest.stdout + vitest.stderr).toBe(0);
    const outcomes = (run: typeof own) => run.tests.map((each) => [each.title, each.status]);
    expect(own.tests.length).toBeGreaterThan(30);
    expect(outcomes(own)).toEqual(outcomes(vitest));
  });
});
