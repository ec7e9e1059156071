import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { measuredSpawn, type SpawnOptions } from '../../bench/support/measured-spawn.ts';
import { parseProcStat } from '../../bench/support/proc-stat.ts';

/** The benchmark's measuring helpers, against real processes. */
const directory = mkdtempSync(join(tmpdir(), 'idflow-bench-helpers-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const options: SpawnOptions = {
  cwd: directory,
  env: process.env,
  stdoutFile: join(directory, 'stdout.log'),
  stderrFile: join(directory, 'stderr.log'),
  sampleIntervalMs: 10,
  timeoutMs: 60_000,
};

/** Node code that burns `ms` of its own CPU (user + sys), whatever else the machine runs. */
const burn = (ms: number): string =>
  `const start = process.cpuUsage(); ` +
  `while ((({ user, system }) => user + system)(process.cpuUsage(start)) < ${ms * 1000});`;

/** Node code that runs `code` in a child of its own, waits for it and exits with its code. */
const inChild = (code: string): string =>
  `const { spawn } = require('node:child_process'); ` +
  `spawn(process.execPath, ['-e', ${JSON.stringify(code)}], { stdio: 'inherit' })` +
  `.on('exit', (code) => process.exit(code ?? 1));`;

describe.skipIf(process.platform !== 'linux')('measuredSpawn (reads /proc)', () => {
  test('counts the CPU a grandchild burns, through the wait chain', async () => {
    const measured = await measuredSpawn(process.execPath, ['-e', inChild(burn(300))], options);
    expect(measured.exitCode).toBe(0);
    expect(measured.waitedCpuMs).toBeGreaterThanOrEqual(300);
    // Two Node start-ups besides the burn: well under a few seconds even on a busy machine.
    expect(measured.waitedCpuMs).toBeLessThan(3_000);
    expect(measured.cpuEscapedWaitChain).toBe(false);
    expect(measured.cpuMs).toBe(measured.waitedCpuMs);
    expect(measured.samples.processes).toBe(2);
    expect(measured.wallMs).toBeGreaterThanOrEqual(300);
  });

  test('sees the peak RSS of a child that holds ~100 MB', async () => {
    const hold = `const block = Buffer.alloc(100 * 2 ** 20, 1); setTimeout(() => block.length, 400);`;
    const measured = await measuredSpawn(process.execPath, ['-e', inChild(hold)], options);
    expect(measured.exitCode).toBe(0);
    expect(measured.samples.peakRssBytes).toBeGreaterThan(100 * 2 ** 20);
    // Two Node processes (~40-60 MB each) and the block: nowhere near half a gigabyte.
    expect(measured.samples.peakRssBytes).toBeLessThan(500 * 2 ** 20);
    expect(measured.samples.samples).toBeGreaterThan(10);
  });

  test("returns the command's exit code, not the wrapper's", async () => {
    const measured = await measuredSpawn('sh', ['-c', 'exit 3'], options);
    expect(measured.exitCode).toBe(3);
  });
});

describe('parseProcStat', () => {
  test('counts fields from the last parenthesis, whatever the command name holds', () => {
    const fields = Array.from({ length: 50 }, (_, index) => String(index + 3));
    fields[0] = 'S';
    const stat = parseProcStat(`42 (a (b) c) ${fields.join(' ')}\n`);
    expect(stat).toEqual({
      pid: 42,
      ppid: 4,
      utimeTicks: 14,
      stimeTicks: 15,
      cutimeTicks: 16,
      cstimeTicks: 17,
      rssPages: 24,
    });
  });
});
