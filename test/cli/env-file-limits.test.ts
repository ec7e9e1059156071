import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../support/run-cli.ts';

// Attack: `--env /dev/zero` made `idflow run` read until memory ran out (8.9 GB); a device or
// FIFO reports size 0, so only a capped read loop stops it.
test('--env /dev/zero: exit 2 naming the file and the cap, without reading it all', async () => {
  const run = await runCli(['run', '--target', 'pingone', '--env', '/dev/zero'], { timeoutMs: 30_000 });
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain('/dev/zero');
  expect(run.stderr).toMatch(/larger than 1 MiB/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
});

test('a 2 MiB env file: exit 2 naming the file and the cap', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'idflow-env-cap-'));
  const file = join(directory, 'huge.env');
  writeFileSync(file, `PINGONE_REGION=NA\n# ${'x'.repeat(2 * 1024 * 1024)}\n`);
  const run = await runCli(['run', '--target', 'pingone', '--env', file], { timeoutMs: 30_000 });
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toContain(file);
  expect(run.stderr).toMatch(/larger than 1 MiB/);
});
