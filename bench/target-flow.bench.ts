import { afterAll, bench, describe } from 'vitest';
import { TARGETS } from '../src/targets/registry.ts';
import type { RunningEmulator, TargetDescriptor } from '../src/targets/target.ts';

// Each target's whole flow (its documented steps, read-backs and teardown) against its embedded
// emulator, in process: the harness and emulator overhead a user pays per run, without network
// latency. (vitest runs a bench's describe-level hooks after it, so each emulator starts on first use.)
const emulators = new Map<string, Promise<RunningEmulator>>();
function emulatorOf(target: TargetDescriptor): Promise<RunningEmulator> {
  let started = emulators.get(target.name);
  if (!started) emulators.set(target.name, (started = target.startEmulator({})));
  return started;
}
afterAll(async () => {
  for (const started of emulators.values()) await (await started).close();
});

for (const target of TARGETS) {
  describe(`${target.title}: the flow against the embedded emulator`, () => {
    bench(
      'every step in order, then teardown',
      async () => {
        const emulator = await emulatorOf(target);
        const config = target.resolveConfig(emulator.env(), 'bench');
        if (config === undefined) throw new Error(`${target.name}: the emulator gave no configuration`);
        const session = (await target.sessionFactory()).create(config);
        for (const step of target.catalogue().steps) await session.run(step);
        await session.teardown();
        await session.context.client.close();
      },
      { iterations: 10, time: 0 },
    );
  });
}
