import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerEntry, LedgerJournal } from './ledger.ts';
import { LEDGER_DIR_VARIABLE } from '../../process/run-variables.ts';

/** What a ledger file holds: no secret, only templates and the ids they need. */
export interface LedgerFileContent {
  readonly version: 1;
  /** The target whose session wrote it (`acme`); undefined when the session did not say. */
  readonly target?: string;
  readonly runId: string;
  /** Entries still owed, oldest first. */
  readonly entries: readonly LedgerEntry[];
}

/**
 * A ledger's durable copy, `<dir>/<target>-<runId>.json`, rewritten atomically (temp file and
 * rename) on every change, so a reader never sees half a file. Empty means nothing is owed.
 */
export class LedgerFile implements LedgerJournal {
  readonly file: string;
  readonly #target: string | undefined;
  readonly #runId: string;

  constructor(options: { dir: string; runId: string; target?: string | undefined }) {
    mkdirSync(options.dir, { recursive: true });
    this.file = join(options.dir, `${options.target ?? 'session'}-${options.runId}.json`);
    this.#target = options.target;
    this.#runId = options.runId;
  }

  write(entries: readonly LedgerEntry[]): void {
    const content: LedgerFileContent = {
      version: 1,
      ...(this.#target === undefined ? {} : { target: this.#target }),
      runId: this.#runId,
      entries,
    };
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

/** The journal `idflow run` asked for (`IDFLOW_LEDGER_DIR`), or none outside a supervised run. */
export function ledgerFileFromEnvironment(
  options: { runId: string; target?: string | undefined },
  env: Record<string, string | undefined> = process.env,
): LedgerFile | undefined {
  const dir = env[LEDGER_DIR_VARIABLE];
  return dir ? new LedgerFile({ dir, ...options }) : undefined;
}

function isLedgerContent(value: unknown): value is LedgerFileContent {
  if (typeof value !== 'object' || value === null) return false;
  const content = value as Partial<LedgerFileContent>;
  return content.version === 1 && typeof content.runId === 'string' && Array.isArray(content.entries);
}

/** Every ledger file in a run's folder, with what it still owes; unreadable files are skipped. */
export function readLedgerFiles(dir: string): Array<{ file: string; content: LedgerFileContent }> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const found: Array<{ file: string; content: LedgerFileContent }> = [];
  for (const name of names.sort()) {
    const file = join(dir, name);
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isLedgerContent(parsed)) found.push({ file, content: parsed });
    } catch {
      // A file being replaced right now, or not ours: nothing to drain from it.
    }
  }
  return found;
}

/** Removes a run's ledger folder once everything in it is settled. */
export function removeLedgerDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
