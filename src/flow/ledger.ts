import type { Cleanup } from './step.ts';

/** A resource the run created, with the request that removes it. */
export interface LedgerEntry {
  readonly stepId: string;
  readonly cleanup: Cleanup;
  /**
   * Non-secret values the cleanup templates need (ids), frozen when the resource was created.
   * Secrets (the bearer token) are read when teardown runs, so a refreshed token is used.
   */
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Everything this run created, in creation order. Teardown walks it in reverse, so the run
 * deletes exactly what it made and nothing else.
 */
export class Ledger {
  readonly #entries: LedgerEntry[] = [];

  add(entry: LedgerEntry): void {
    this.#entries.push(entry);
  }

  /** Entries newest first, removing them from the ledger. */
  drain(): LedgerEntry[] {
    return this.#entries.splice(0).reverse();
  }

  get size(): number {
    return this.#entries.length;
  }
}
