import type { Cleanup } from './step.ts';

/** A resource the run created, with the request that removes it. */
export interface LedgerEntry {
  readonly stepId: string;
  readonly cleanup: Cleanup;
  /** Variable values the cleanup templates need, frozen when the resource was created. */
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
