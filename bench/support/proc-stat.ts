import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What the benchmark reads of one process's `/proc/<pid>/stat` (proc(5)). */
export interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  /** CPU this process (all its threads) spent in user and kernel mode, in clock ticks. */
  readonly utimeTicks: number;
  readonly stimeTicks: number;
  /** CPU of its children that it waited for (and, recursively, theirs), in clock ticks. */
  readonly cutimeTicks: number;
  readonly cstimeTicks: number;
  /** Resident set size, in pages. */
  readonly rssPages: number;
}

/** `getconf NAME` as a positive integer. */
function getconf(name: string): number {
  const value = Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(value) || value <= 0) throw new Error(`getconf ${name} gave no positive integer`);
  return value;
}

let units: { readonly clockTicksPerSecond: number; readonly pageSizeBytes: number } | undefined;

/** The units of `/proc/<pid>/stat`: clock ticks per second (`CLK_TCK`) and the page size (`PAGESIZE`). */
export function procUnits(): { readonly clockTicksPerSecond: number; readonly pageSizeBytes: number } {
  units ??= { clockTicksPerSecond: getconf('CLK_TCK'), pageSizeBytes: getconf('PAGESIZE') };
  return units;
}

/**
 * Parses the text of `/proc/<pid>/stat`. The command name (field 2) is in parentheses and may hold
 * spaces or parentheses itself, so the fields are counted from the last `)`: field N of proc(5)
 * is then at index N - 3.
 */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  const pid = Number(text.slice(0, text.indexOf(' ')));
  const fields = text
    .slice(close + 2)
    .trim()
    .split(' ');
  const field = (n: number): number => Number(fields[n - 3]);
  return {
    pid,
    ppid: field(4),
    utimeTicks: field(14),
    stimeTicks: field(15),
    cutimeTicks: field(16),
    cstimeTicks: field(17),
    rssPages: field(24),
  };
}

/** The stat of process `pid`, or undefined when it is gone (or already a zombie with no stat to read). */
export function readProcStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Clock ticks as milliseconds. */
export function ticksToMs(ticks: number): number {
  return (ticks * 1000) / procUnits().clockTicksPerSecond;
}
