import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { runEnvironments } from '../cleanup/support/plant.ts';
import { spawnCli, writeEnv } from '../cleanup/support/spawn-run.ts';
import { startDelayingProxy } from '../support/delaying-proxy.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

// Attack: a tenant that refuses every DELETE. Before, the run said "run 'idflow sweep'", removed
// its ledger, and the sweep it suggested called the environment "too recent" and exited 0.
test('a run that could not delete names what is left, its id and a sweep command that then removes it', async () => {
  const emulator = await startPingOneEmulator({});
  closers.push(() => emulator.close());
  let refusing = true;
  const proxy = await startDelayingProxy(emulator.url, {
    deleteDelayMs: 0,
    refuseDelete: () => (refusing ? 403 : undefined),
  });
  closers.unshift(() => proxy.close());
  const env = Object.fromEntries(
    Object.entries(emulator.env()).map(([name, value]) => [name, value.replaceAll(emulator.url, proxy.url)]),
  );
  const directory = mkdtempSync(join(tmpdir(), 'idflow-left-'));
  const envFile = writeEnv(directory, env);

  const run = await spawnCli(['run', '--target', 'pingone', '--env', envFile, '--reporter', 'dot'], directory)
    .exited;
  expect(run.code, run.output).toBe(1);
  const [left] = emulator.tenant
    .environments()
    .filter((environment) => environment.name.startsWith('idflow-'));
  expect(left, run.output).toBeDefined();
  expect(run.output).toContain('some resources could not be deleted');
  expect(run.output).toContain(`envID=${left?.id}`);
  const command = `idflow sweep --target pingone --env ${envFile}`;
  expect(run.output).toContain(command);
  expect(existsSync(join(directory, '.idflow', 'runs')), run.output).toBe(true);

  // The tenant accepts deletions again: the suggested command, run where the run ran, removes it.
  refusing = false;
  const sweep = await spawnCli(command.split(' ').slice(1), directory).exited;
  expect(sweep.code, sweep.output).toBe(0);
  expect(runEnvironments(emulator.tenant), sweep.output).toEqual([]);
  expect(readdirSync(join(directory, '.idflow', 'runs')), sweep.output).toEqual([]);
}, 240_000);
