import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { runEnvironments } from '../cleanup/support/plant.ts';
import { spawnCli, writeEnv, type SpawnedCli } from '../cleanup/support/spawn-run.ts';
import { ledgerEntries } from '../cleanup/support/ledger-entries.ts';
import { startDelayingProxy, type DelayingProxy, type ProxiedRequest } from '../support/delaying-proxy.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A PingOne emulator behind a proxy whose DELETEs take `deleteDelayMs`, and a run against it. */
async function runBehindSlowDeletes(deleteDelayMs: number) {
  // Latency stretches the run so the first signal lands between step 03 and teardown.
  const emulator = await startPingOneEmulator({ latencyMs: 40 });
  closers.push(() => emulator.close());
  const proxy = await startDelayingProxy(emulator.url, { deleteDelayMs });
  closers.unshift(() => proxy.close());
  const env = Object.fromEntries(
    Object.entries(emulator.env()).map(([name, value]) => [name, value.replaceAll(emulator.url, proxy.url)]),
  );
  const directory = mkdtempSync(join(tmpdir(), 'idflow-interrupts-'));
  const envFile = writeEnv(directory, env);
  const run = spawnCli(['run', '--target', 'pingone', '--env', envFile, '--reporter', 'dot'], directory);
  return { emulator, proxy, envFile, directory, run };
}

/**
 * The id of the run's environment, once the run has recorded it in its ledger too: a signal that
 * lands while the create is in flight leaves cleanup nothing to delete, and the test waiting for
 * its DELETE would hang.
 */
async function untilRunEnvironment(emulator: RunningPingOneEmulator, directory: string): Promise<string> {
  for (;;) {
    const created = emulator.tenant
      .environments()
      .find((environment) => environment.name.startsWith('idflow-'));
    if (created && ledgerEntries(directory) > 0) return created.id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function untilOutput(run: SpawnedCli, text: string): Promise<void> {
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`exited before printing "${text}":\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
 * Interrupts the run once, then waits for the first DELETE after it: the run's teardown or the
 * supervisor's cleanup, whichever comes first (under load either may), both slow behind the proxy.
 */
async function interruptUntilCleanupDeletes(run: SpawnedCli, proxy: DelayingProxy): Promise<ProxiedRequest> {
  const before = proxy.received.length;
  run.child.kill('SIGINT');
  await untilOutput(run, 'SIGINT: stopping the run');
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
  // One retry: under heavy load this test once waited 180 s for the supervisor's first DELETE after
  // its token request; it now waits for any DELETE and names what it saw when none comes.
  test(
    'a second SIGINT during cleanup: the cleanup still deletes what the run created; exit 1',
    { timeout: 180_000, retry: 1 },
    async () => {
      const { emulator, proxy, directory, run } = await runBehindSlowDeletes(2_000);
      await untilRunEnvironment(emulator, directory);
      await interruptUntilCleanupDeletes(run, proxy);
      run.child.kill('SIGINT');
      const { code, output } = await run.exited;
      expect(code, output).toBe(1);
      expect(output).toContain('SIGINT again:');
      expect(runEnvironments(emulator.tenant), output).toEqual([]);
    },
  );

  test('a third SIGINT stops at once, naming what is left and the sweep command; the ledger stays', async () => {
    const { emulator, proxy, envFile, directory, run } = await runBehindSlowDeletes(Infinity);
    const environmentId = await untilRunEnvironment(emulator, directory);
    await interruptUntilCleanupDeletes(run, proxy);
    run.child.kill('SIGINT');
    await untilOutput(run, 'SIGINT again:');
    run.child.kill('SIGINT');
    const { code, output } = await run.exited;
    expect(code, output).toBe(1);
    expect(output).toContain('SIGINT a third time');
    expect(output).toContain(`envID=${environmentId}`);
    expect(output).toContain(`idflow sweep --target pingone --env ${envFile}`);
    const runs = join(directory, '.idflow', 'runs');
    expect(existsSync(runs), output).toBe(true);
    const ledgers = readdirSync(runs).flatMap((run) =>
      readdirSync(join(runs, run)).map((file) => readFileSync(join(runs, run, file), 'utf8')),
    );
    expect(ledgers.join('\n')).toContain(environmentId);
  }, 180_000);
});
