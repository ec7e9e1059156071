import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { runEnvironments } from '../cleanup/support/plant.ts';
import { spawnCli, untilOutput, writeEnv, type SpawnedCli } from '../cleanup/support/spawn-run.ts';
import { ledgeredValues } from '../cleanup/support/ledger-entries.ts';
import { startDelayingProxy, type DelayingProxy, type ProxiedRequest } from '../support/delaying-proxy.ts';
import { holdFirst, reachedWithin } from '../support/hold-fault.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** How long a run may take to reach step 04 before the test fails instead of waiting on. */
const REACH_MS = 90_000;

/**
 * A PingOne emulator behind a proxy whose DELETEs take `deleteDelayMs`, and a run against it,
 * held at step 04 (the POST of a population into its environment) until the test releases it:
 * the first signal lands while the environment exists and the run's ledger names it, whatever
 * the machine's load, never before step 03 recorded it nor after the run's own teardown.
 */
async function runHeldAtStep04(deleteDelayMs: number) {
  const hold = holdFirst('POST', /^\/v1\/environments\/[^/]+\/populations$/);
  const emulator = await startPingOneEmulator({ faults: [hold.fault] });
  // Released first: a test that fails while the run is held does not leave it waiting.
  closers.push(
    async () => hold.release(),
    () => emulator.close(),
  );
  const proxy = await startDelayingProxy(emulator.url, { deleteDelayMs });
  closers.unshift(() => proxy.close());
  const env = Object.fromEntries(
    Object.entries(emulator.env()).map(([name, value]) => [name, value.replaceAll(emulator.url, proxy.url)]),
  );
  const directory = mkdtempSync(join(tmpdir(), 'idflow-interrupts-'));
  const envFile = writeEnv(directory, env);
  const run = spawnCli(['run', '--target', 'pingone', '--env', envFile, '--reporter', 'dot'], directory);
  const held = await reachedWithin(hold, run, 'POST of a population (step 04)', REACH_MS);
  const created = emulator.tenant.environments().filter((each) => each.name.startsWith('idflow-'));
  expect(created, run.output()).toHaveLength(1);
  const environmentId = created[0]?.id ?? '';
  // The held request is the run's, into the environment it created, which its ledger now names.
  expect(held).toBe(`/v1/environments/${environmentId}/populations`);
  expect(ledgeredValues(directory, 'envID')).toEqual([environmentId]);
  return { emulator, proxy, envFile, directory, run, environmentId, release: hold.release };
}

/** `waiting`, or a failure naming what the proxy saw and what the run printed after `ms`. */
async function within<T>(
  ms: number,
  what: string,
  run: SpawnedCli,
  proxy: DelayingProxy,
  waiting: Promise<T>,
) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const seen = proxy.received.map((request) => `${request.method} ${request.path}`).join('\n');
      reject(
        new Error(`no ${what} within ${ms} ms; the proxy saw:\n${seen}\nthe run printed:\n${run.output()}`),
      );
    }, ms);
  });
  try {
    return await Promise.race([waiting, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Interrupts the held run once; once the supervisor has passed the signal on, lets the held
 * request through (the stopping run waits for it) and waits for the first DELETE after the
 * signal: the run's teardown or the supervisor's cleanup, whichever comes first (under load
 * either may), both slow behind the proxy. The run had created nothing but its environment.
 */
async function interruptUntilCleanupDeletes(
  run: SpawnedCli,
  proxy: DelayingProxy,
  release: () => void,
): Promise<ProxiedRequest> {
  const before = proxy.received.length;
  run.child.kill('SIGINT');
  await untilOutput(run, 'SIGINT: stopping the run');
  release();
  return within(
    60_000,
    'DELETE after the first SIGINT',
    run,
    proxy,
    proxy.next((request) => request.method === 'DELETE', before),
  );
}

// Attack: a second Ctrl-C during cleanup printed "stopping now. Run 'idflow sweep'" and exited,
// abandoning the deletions the README promises; the slow DELETE in flight was dropped.
describe('Ctrl-C again during cleanup', () => {
  test(
    'a second SIGINT during cleanup: the cleanup still deletes what the run created; exit 1',
    { timeout: 180_000 },
    async () => {
      const { emulator, proxy, directory, run, environmentId, release } = await runHeldAtStep04(2_000);
      const deleted = await interruptUntilCleanupDeletes(run, proxy, release);
      expect(deleted.path).toBe(`/v1/environments/${environmentId}`);
      run.child.kill('SIGINT');
      const { code, output } = await run.exited;
      expect(code, output).toBe(1);
      expect(output).toContain('SIGINT again:');
      expect(emulator.tenant.environmentsById.has(environmentId), output).toBe(false);
      expect(runEnvironments(emulator.tenant), output).toEqual([]);
      expect(ledgeredValues(directory, 'envID'), output).toEqual([]);
    },
  );

  test('a third SIGINT stops at once, naming what is left and the sweep command; the ledger stays', async () => {
    const { emulator, proxy, envFile, directory, run, environmentId, release } =
      await runHeldAtStep04(Infinity);
    const deleted = await interruptUntilCleanupDeletes(run, proxy, release);
    expect(deleted.path).toBe(`/v1/environments/${environmentId}`);
    run.child.kill('SIGINT');
    await untilOutput(run, 'SIGINT again:');
    run.child.kill('SIGINT');
    const { code, output } = await run.exited;
    expect(code, output).toBe(1);
    expect(output).toContain('SIGINT a third time');
    expect(output).toContain(`envID=${environmentId}`);
    expect(output).toContain(`idflow sweep --target pingone --env ${envFile}`);
    // No DELETE ever reached the tenant: the environment the output names is still there.
    expect(emulator.tenant.environmentsById.has(environmentId), output).toBe(true);
    const runs = join(directory, '.idflow', 'runs');
    expect(existsSync(runs), output).toBe(true);
    const ledgers = readdirSync(runs).flatMap((run) =>
      readdirSync(join(runs, run)).map((file) => readFileSync(join(runs, run, file), 'utf8')),
    );
    expect(ledgers.join('\n')).toContain(environmentId);
    expect(ledgeredValues(directory, 'envID')).toEqual([environmentId]);
  }, 180_000);
});
