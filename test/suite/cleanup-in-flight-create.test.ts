import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { runEnvironments } from '../cleanup/support/plant.ts';
import { spawnCli, writeEnv } from '../cleanup/support/spawn-run.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

const started: RunningPingOneEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

/**
 * The tenant creates the environment, then its answer never reaches the run: the moment a signal
 * (or a crash, or the deadline) can land between "the tenant holds it" and "the run recorded it".
 */
const answerLostAfterCreate: EmulatorFault = {
  name: 'answer-lost-after-create',
  description: 'POST /environments creates the environment and never answers',
  harmful: true,
  intercept: async (request, next) => {
    if (request.method !== 'POST' || !request.path.endsWith('/environments')) return next();
    await next();
    return new Promise(() => {});
  },
};

// Attack: a run stopped while its create is in flight has no ledger entry for what the tenant
// created, so the supervisor deletes nothing and names nothing: the environment stays, unnamed.
describe('a run stopped while a create is in flight', () => {
  test('SIGTERM: the environment the tenant created is deleted (or at least named); exit 1', async () => {
    const emulator = await startPingOneEmulator({ faults: [answerLostAfterCreate] });
    started.push(emulator);
    const directory = mkdtempSync(join(tmpdir(), 'idflow-in-flight-'));
    const envFile = writeEnv(directory, emulator.env());
    const run = spawnCli(['run', '--target', 'pingone', '--env', envFile, '--reporter', 'dot'], directory);
    const until = Date.now() + 60_000;
    while (runEnvironments(emulator.tenant).length === 0) {
      if (Date.now() > until) throw new Error(`the run never created its environment:\n${run.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [name] = runEnvironments(emulator.tenant);
    run.child.kill('SIGTERM');
    const { code, output } = await run.exited;
    expect(code, output).toBe(1);
    const deleted = runEnvironments(emulator.tenant).length === 0;
    expect(deleted || output.includes(name ?? '(none)'), output).toBe(true);
  }, 120_000);
});
