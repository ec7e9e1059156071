import { afterAll, beforeAll, bench, describe } from 'vitest';
import { resolvePingOneConfig } from '../src/targets/pingone/config.ts';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../src/emulator/pingone/index.ts';
import { pingOneFlow } from '../src/targets/pingone/catalogue.ts';
import { createPingOneSession } from '../src/targets/pingone/session.ts';

// The whole getting-started flow (24 requests) against the in-process emulator: the harness
// and emulator overhead a user pays per run, without network latency.
let emulator: RunningPingOneEmulator;
beforeAll(async () => {
  emulator = await startPingOneEmulator();
});
afterAll(() => emulator.close());

describe('PingOne flow against the embedded emulator', () => {
  bench(
    'steps 01-11, read-backs and teardown',
    async () => {
      const config = resolvePingOneConfig(emulator.env(), 'bench');
      if (!config) throw new Error('no config');
      const session = createPingOneSession(config);
      for (const step of pingOneFlow) await session.run(step);
      await session.teardown();
      await session.context.client.close();
    },
    { iterations: 20, time: 0 },
  );
});
