import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startPingOneEmulator, type RunningPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { runCli } from '../support/run-cli.ts';
import { plantEnvironment } from '../cleanup/support/plant.ts';
import { writeEnv } from '../cleanup/support/spawn-run.ts';

const HOUR = 3_600_000;
let emulator: RunningPingOneEmulator;
let directory: string;
let envFile: string;

beforeAll(async () => {
  emulator = await startPingOneEmulator();
  directory = mkdtempSync(join(tmpdir(), 'idflow-sweep-'));
  envFile = writeEnv(directory, emulator.env());
});
afterAll(() => emulator.close());

describe('idflow sweep', () => {
  test('without a configured tenant: exit 2, saying there is no embedded emulator to sweep', async () => {
    const sweep = await runCli(['sweep'], { cwd: directory });
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain('no embedded emulator to sweep');
    expect(sweep.stderr).not.toMatch(/\n\s+at /);
  });

  test.each([
    { args: ['--older-than', 'two hours'], says: '--older-than must be' },
    {
      args: ['--target', 'okta'],
      says: 'sweep cannot clean target "okta". Use one of: pingone, lerian-identity',
    },
  ])('bad option $args: exit 2', async ({ args, says }) => {
    const sweep = await runCli(['sweep', '--env', envFile, ...args], { cwd: directory });
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain(says);
  });

  test('deletes only old SANDBOX environments with the run prefix; --dry-run only lists', async () => {
    const old = plantEnvironment(emulator.tenant, { name: 'idflow-20260101t0000-aaaaaa', ageMs: 3 * HOUR });
    const recent = plantEnvironment(emulator.tenant, {
      name: 'idflow-20260101t0000-bbbbbb',
      ageMs: 10 * 60_000,
    });
    const production = plantEnvironment(emulator.tenant, {
      name: 'idflow-20260101t0000-cccccc',
      type: 'PRODUCTION',
      ageMs: 3 * HOUR,
    });
    const foreign = plantEnvironment(emulator.tenant, {
      name: 'someone-elses-sandbox',
      ageMs: 30 * 24 * HOUR,
    });
    const ids = () => new Set(emulator.tenant.environments().map((environment) => environment.id));

    const dry = await runCli(['sweep', '--env', envFile, '--dry-run'], { cwd: directory });
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/would delete\s+idflow-20260101t0000-aaaaaa/);
    expect(dry.stdout).toMatch(/too recent\s+idflow-20260101t0000-bbbbbb/);
    expect(dry.stdout).toMatch(/not SANDBOX\s+idflow-20260101t0000-cccccc/);
    expect(dry.stdout).not.toContain('someone-elses-sandbox');
    expect(ids()).toContain(old.id);

    const sweep = await runCli(['sweep', '--env', envFile, '--older-than', '2h'], { cwd: directory });
    expect(sweep.code, sweep.stdout + sweep.stderr).toBe(0);
    expect(sweep.stdout).toMatch(/deleted\s+idflow-20260101t0000-aaaaaa/);
    expect(sweep.stdout).toContain('1 deleted, 2 left alone.');
    expect(ids()).not.toContain(old.id);
    for (const kept of [recent, production, foreign, { id: emulator.tenant.adminEnvironmentId }])
      expect(ids()).toContain(kept.id);

    const all = await runCli(['sweep', '--env', envFile, '--older-than', '0s'], { cwd: directory });
    expect(all.code).toBe(0);
    expect(ids()).not.toContain(recent.id);
    expect(ids()).toContain(production.id);
    expect(ids()).toContain(foreign.id);
  });
});

test('idflow run --keep leaves what it created and names it; a later sweep deletes it', async () => {
  const kept = await startPingOneEmulator();
  try {
    const file = writeEnv(mkdtempSync(join(tmpdir(), 'idflow-keep-')), kept.env());
    const run = await runCli(['run', '--target', 'pingone', '--env', file, '--keep', '--reporter', 'dot']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const names = kept.tenant.environments().filter((environment) => environment.name.startsWith('idflow-'));
    expect(names).toHaveLength(1);
    expect(run.stderr).toContain('--keep: left what this run created:');
    expect(run.stderr).toContain(
      `kept (pingone): the environment created in step 03 (and everything in it) (envID=${names[0]?.id})`,
    );
    expect(run.stdout + run.stderr).not.toContain(kept.env().PINGONE_CLIENT_SECRET);
    const sweep = await runCli(['sweep', '--env', file, '--older-than', '0s']);
    expect(sweep.code).toBe(0);
    expect(
      kept.tenant.environments().filter((environment) => environment.name.startsWith('idflow-')),
    ).toEqual([]);
  } finally {
    await kept.close();
  }
});
