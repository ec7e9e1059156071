import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { LedgerFile } from '../../src/flow/run/ledger-file.ts';
import { OWNER_FILE } from '../../src/cleanup/ledger-owner.ts';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import { Ledger } from '../../src/flow/run/ledger.ts';
import { createEnvironment } from '../../src/targets/pingone/steps/03-create-environment.ts';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { plantEnvironment, runEnvironments } from './support/plant.ts';
import { spawnCli, writeEnv } from './support/spawn-run.ts';
import { ledgerEntries } from './support/ledger-entries.ts';
import { runCli } from '../support/run-cli.ts';
import { holdFirst } from '../support/hold-fault.ts';

/** Each test runs `idflow run` and a sweep as children; a loaded 2-core machine needs the time. */
const SLOW = { timeout: 180_000 };
const started: RunningPingOneEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});

async function until(what: string, done: () => boolean, deadlineMs = 90_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function runsDir(directory: string): string {
  return join(directory, '.idflow', 'runs');
}

function groupGone(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * Starts `idflow run` and holds it at step 04 (its environment created and in the ledger) until the
 * test releases it: whatever the machine's load, the run is stopped or swept at that point, never
 * after its own teardown.
 */
async function runHeldAfterStep03() {
  const hold = holdFirst('POST', /^\/v1\/environments\/[^/]+\/populations$/);
  const emulator = await startPingOneEmulator({ faults: [hold.fault] });
  started.push(emulator);
  const directory = mkdtempSync(join(tmpdir(), 'idflow-dead-ledger-'));
  const envFile = writeEnv(directory, emulator.env());
  const run = spawnCli(['run', '--target', 'pingone', '--env', envFile, '--reporter', 'dot'], directory);
  await Promise.race([hold.reached, run.exited.then(({ output }) => Promise.reject(new Error(output)))]);
  expect(ledgerEntries(directory)).toBeGreaterThan(0);
  const [environment] = emulator.tenant.environments().filter((each) => each.name.startsWith('idflow-'));
  if (!environment) throw new Error('the ledger names an environment the tenant does not hold');
  return { emulator, directory, envFile, run, environment, release: hold.release };
}

test(
  'a run killed hard (SIGKILL of the supervisor and of its vitest group): sweep deletes what its ledger ' +
    'names, however recent, and removes the ledger',
  SLOW,
  async () => {
    const { emulator, directory, envFile, run, environment, release } = await runHeldAfterStep03();
    const supervisor = run.child.pid ?? 0;
    // The vitest child leads its own process group (spawned detached).
    const [child] = execFileSync('ps', ['-o', 'pid=,pgid=', '--ppid', String(supervisor)], {
      encoding: 'utf8',
    })
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter(([pid, pgid]) => pid !== undefined && pid > 0 && pid === pgid)
      .map(([pid]) => pid as number);
    if (child === undefined) throw new Error('idflow run has no vitest child');
    // The supervisor first: were the child to die first, the supervisor would drain the ledger itself.
    process.kill(supervisor, 'SIGKILL');
    process.kill(-child, 'SIGKILL');
    release();
    await run.exited;
    await until('the vitest group is gone', () => groupGone(child));
    expect(emulator.tenant.environmentsById.has(environment.id)).toBe(true);
    expect(ledgerEntries(directory)).toBeGreaterThan(0);

    const sweep = await runCli(['sweep', '--env', envFile], { cwd: directory });
    expect(sweep.code, sweep.stdout + sweep.stderr).toBe(0);
    expect(sweep.stdout).toMatch(
      new RegExp(
        `deleted\\s+the environment created in step 03 .*envID=${environment.id}.*: named by the ledger ` +
          `of dead run`,
      ),
    );
    expect(emulator.tenant.environmentsById.has(environment.id)).toBe(false);
    expect(runEnvironments(emulator.tenant)).toEqual([]);
    expect(readdirSync(runsDir(directory))).toEqual([]);
  },
);

test('the ledger of a live run is never touched by sweep', SLOW, async () => {
  const { emulator, directory, envFile, run, environment, release } = await runHeldAfterStep03();
  const sweep = await runCli(['sweep', '--env', envFile], { cwd: directory });
  expect(sweep.code, sweep.stdout + sweep.stderr).toBe(0);
  expect(sweep.stdout).toMatch(/belongs to a run still going \(pid \d+\): its ledger was left to it/);
  expect(sweep.stdout).not.toMatch(/deleted\s+the environment/);
  expect(emulator.tenant.environmentsById.has(environment.id)).toBe(true);
  run.child.kill('SIGTERM');
  release();
  const { output } = await run.exited;
  expect(runEnvironments(emulator.tenant), output).toEqual([]);
});

test(
  'a pid reused by another process does not keep a dead run alive; a ledger of another tenant is left alone',
  SLOW,
  async () => {
    const emulator = await startPingOneEmulator();
    started.push(emulator);
    const directory = mkdtempSync(join(tmpdir(), 'idflow-dead-ledger-'));
    const envFile = writeEnv(directory, emulator.env());
    const config = resolvePingOneConfig(emulator.env(), 'test');
    if (!config) throw new Error('no config');
    const ledgered = (runId: string, tenant: string, pidStart: string) => {
      const environment = plantEnvironment(emulator.tenant, { name: `idflow-${runId}` });
      const dir = join(runsDir(directory), runId);
      new Ledger(new LedgerFile({ dir, runId, target: 'pingone' })).add({
        stepId: createEnvironment.id,
        cleanup: createEnvironment.cleanup ?? fail(),
        values: { apiPath: config.apiUrl, envID: environment.id },
      });
      // This test process's pid, alive, but with another start time: the pid was reused.
      const owner = { pid: process.pid, pidStart, tenants: { pingone: tenant } };
      writeFileSync(join(dir, OWNER_FILE), JSON.stringify(owner));
      return environment;
    };
    const reused = ledgered('20260101t0000-aaaaaa', pingOne.tenant(config), 'not-its-start-time');
    const elsewhere = ledgered(
      '20260101t0000-bbbbbb',
      'https://api.pingone.eu (admin environment x)',
      'not-its-start-time',
    );

    const sweep = await runCli(['sweep', '--env', envFile], { cwd: directory });
    expect(sweep.code, sweep.stdout + sweep.stderr).toBe(0);
    expect(emulator.tenant.environmentsById.has(reused.id), sweep.stdout).toBe(false);
    expect(emulator.tenant.environmentsById.has(elsewhere.id)).toBe(true);
    expect(sweep.stdout).toContain(
      'of a dead run in another pingone tenant (https://api.pingone.eu (admin environment x))',
    );
    expect(readdirSync(runsDir(directory))).toEqual(['20260101t0000-bbbbbb']);
  },
);

function fail(): never {
  throw new Error('step 03 declares no cleanup');
}
