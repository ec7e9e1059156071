import { readFileSync } from 'node:fs';

/** The whole machine's CPU time so far, from the `cpu` line of /proc/stat, in clock ticks. */
export interface MachineCpu {
  /** user + nice + system + irq + softirq, every core (guest time is inside user). */
  readonly busyTicks: number;
  /** Time the hypervisor ran something else while a vCPU wanted to run. */
  readonly stealTicks: number;
}

/** Reads the machine's CPU counters (proc(5), /proc/stat). */
export function machineCpu(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { busyTicks: user + nice + system + irq + softirq, stealTicks: steal };
}
