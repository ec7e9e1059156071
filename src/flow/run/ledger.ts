import type { Cleanup } from '../step/step.ts';

/** A resource the run created, with the request that removes it. */
export interface LedgerEntry {
  readonly stepId: string;
  readonly cleanup: Cleanup;
  /**
   * Non-secret values the cleanup templates need (ids), frozen when the resource was created.
   * Secrets (the bearer token) are read when teardown runs, so a refreshed token is used.
   */
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * Set when the answer showed a creation but not its id (neither in the body nor in
   * `Location`): the name the run gave it, so the leftover can be found and named; the cleanup
   * is never sent for it.
   */
  readonly unidentified?: string;
  /**
   * Set while the creating request is in flight (with `unidentified` holding the name it sends):
   * the tenant may already hold the resource while the run has not seen the answer. Replaced by
   * the real entry when the answer arrives, dropped when the step ends without one; a run that
   * dies in between leaves it in its ledger file, so the supervisor names what may be left.
   */
  readonly inFlight?: true;
}

/** Keeps a durable copy of the ledger, so another process can finish a teardown this one never ran. */
export interface LedgerJournal {
  /** Called with every entry still owed, oldest first, whenever the ledger changes. */
  write(entries: readonly LedgerEntry[]): void;
}

/**
 * Everything this run created, in creation order. Teardown walks it in reverse, so the run
 * deletes exactly what it made and nothing else. With a journal, every change is mirrored.
 */
export class Ledger {
  readonly #entries: LedgerEntry[] = [];
  readonly #journal: LedgerJournal | undefined;

  constructor(journal?: LedgerJournal) {
    this.#journal = journal;
  }

  add(entry: LedgerEntry): void {
    this.#entries.push(entry);
    this.#journal?.write(this.#entries);
  }

  /** Removes an entry once its deletion is confirmed (never after a failed attempt). */
  remove(entry: LedgerEntry): void {
    const index = this.#entries.indexOf(entry);
    if (index < 0) return;
    this.#entries.splice(index, 1);
    this.#journal?.write(this.#entries);
  }

  /** Entries oldest first, without removing them (what `--keep` leaves). */
  entries(): readonly LedgerEntry[] {
    return [...this.#entries];
  }

  get size(): number {
    return this.#entries.length;
  }
}
