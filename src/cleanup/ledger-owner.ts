import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The file in a run's ledger folder naming the processes that own it. */
export const OWNER_FILE = 'owner.json';

/** Where `idflow run` keeps ledger folders by default, and where `idflow sweep` looks for them. */
export function defaultRunsDir(cwd: string = process.cwd()): string {
  return resolve(cwd, '.idflow', 'runs');
}

/** Who owns a ledger folder: the supervising `idflow run` and its vitest process group. */
export interface LedgerOwner {
  /** The supervisor's pid. */
  readonly pid: number;
  /** The supervisor's start time as the kernel counts it (Linux), so a reused pid is told apart. */
  readonly pidStart?: string;
  /** The vitest child's process group (its pid: it is spawned detached). */
  readonly group?: number;
  /** Per target, which tenant the run worked in (see ledger-tenants.ts); no secret. */
  readonly tenants: Readonly<Record<string, string>>;
}

/** A process's start time in clock ticks since boot (`/proc/<pid>/stat` field 22); undefined off Linux. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

/** Records this process as the owner of `dir`, with its child's group and the tenants it works in. */
export function writeLedgerOwner(
  dir: string,
  owner: { group: number | undefined; tenants: Readonly<Record<string, string>> },
): void {
  mkdirSync(dir, { recursive: true });
  const pidStart = processStart(process.pid);
  const content: LedgerOwner = {
    pid: process.pid,
    ...(pidStart === undefined ? {} : { pidStart }),
    ...(owner.group === undefined ? {} : { group: owner.group }),
    tenants: owner.tenants,
  };
  const file = join(dir, OWNER_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** The owner a ledger folder records; undefined when it records none (or not readably). */
export function readLedgerOwner(dir: string): LedgerOwner | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const owner = parsed as Partial<LedgerOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.tenants !== 'object' || owner.tenants === null)
      return undefined;
    return owner as LedgerOwner;
  } catch {
    return undefined;
  }
}

/** True unless signalling the process (or, negative, the group) says it does not exist. */
function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * True while the run that owns a ledger may still act on it: its supervisor lives (the same
 * process: same start time where the kernel tells it) or any process of its vitest group does.
 * Errs towards alive: a ledger of a live run must never be touched.
 */
export function ownerAlive(owner: LedgerOwner): boolean {
  const now = owner.pidStart === undefined ? undefined : processStart(owner.pid);
  const supervisor = exists(owner.pid) && (now === undefined || now === owner.pidStart);
  const group = owner.group !== undefined && exists(-owner.group);
  return supervisor || group;
}
