import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineCpu } from './machine-cpu.ts';
import { ticksToMs } from './proc-stat.ts';

/** Share of all cores the rest of the machine may keep busy for it to count as quiet. */
const QUIET_SHARE = 0.1;
const WINDOW_MS = 500;

/**
 * Waits, at least one window of 500 ms and at most `budgetMs`, until the machine's cores were busy
 * less than 10 % of one window (this process idle meanwhile). Returns whether it got quiet; a
 * machine that stays busy is measured anyway, and the run's `otherCpuMs` says how busy it was.
 */
export async function untilQuiet(budgetMs: number): Promise<boolean> {
  const deadline = Date.now() + budgetMs;
  const capacityMs = WINDOW_MS * availableParallelism();
  for (;;) {
    const before = machineCpu();
    await sleep(WINDOW_MS);
    const busyMs = ticksToMs(machineCpu().busyTicks - before.busyTicks);
    if (busyMs < QUIET_SHARE * capacityMs) return true;
    if (Date.now() >= deadline) return false;
  }
}
