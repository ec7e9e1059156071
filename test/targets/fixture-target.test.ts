import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import mini from '../fixtures/mini-target/index.ts';

/** The one line that registers the fixture target, as a new target's registry line would. */
const env = { IDFLOW_EXTRA_TARGETS: resolve(import.meta.dirname, '../fixtures/mini-target/index.ts') };
const dir = mkdtempSync(join(tmpdir(), 'idflow-mini-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a target added as one descriptor (test/fixtures/mini-target), with no other edit', () => {
  test(
    'idflow run --target mini runs its suites against its embedded emulator',
    { timeout: 180_000 },
    async () => {
      // --verbose: a line per check as it finishes (vitest's own lists a file's tests only when slow).
      const run = await runCli(['run', '--target', 'mini', '--verbose'], {
        env,
        cwd: dir,
        timeoutMs: 170_000,
      });
      expect(run.stderr + run.stdout).toMatch(/✓ 201 .* mini 01-create-thing/);
      expect(run.code, run.stderr).toBe(0);
    },
  );

  test(
    'a run stopped by --bail before teardown is cleaned up by the supervisor',
    { timeout: 180_000 },
    async () => {
      const [lostThing] = await mini.faults();
      const emulator = await mini.startEmulator({ faults: lostThing ? [lostThing] : [] });
      try {
        const envFile = join(dir, 'mini.env');
        writeFileSync(
          envFile,
          Object.entries(emulator.env())
            .map(([k, v]) => `${k}=${v}\n`)
            .join(''),
          { mode: 0o600 },
        );
        const run = await runCli(['run', '--target', 'mini', '--env', envFile, '--bail', '1'], {
          env,
          cwd: dir,
          timeoutMs: 170_000,
        });
        expect(run.code, run.stderr).toBe(1);
        expect(run.stderr).toMatch(/mini: deleted/);
        expect(emulator.leftovers('idflow-')).toEqual([]);
      } finally {
        await emulator.close();
      }
    },
  );

  test(
    'idflow selftest --target mini catches its fault and passes its control run',
    { timeout: 400_000 },
    async () => {
      const run = await runCli(['selftest', '--target', 'mini'], { env, cwd: dir, timeoutMs: 390_000 });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/lost-thing/);
    },
  );
});
