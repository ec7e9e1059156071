/** What the supervisor of a run does at each interrupt (SIGINT or SIGTERM, counted together). */
export interface InterruptActions {
  /** First: pass the signal on to the run, which stops; cleanup follows. */
  readonly forward: (signal: NodeJS.Signals) => void;
  /** Second: stop the run at once; cleanup still deletes what the ledger names. */
  readonly stopRun: (signal: NodeJS.Signals) => void;
  /** Third and later: stop now, telling what is left and how to remove it. Does not return. */
  readonly abandon: (signal: NodeJS.Signals) => void;
}

/**
 * The interrupt policy of `idflow run`: Ctrl-C once stops the run gently, twice stops it at
 * once, and in both cases what it created is still deleted; only a third stops the cleanup too.
 * The count does not restart when cleanup begins, so a second Ctrl-C during cleanup is the
 * second, not a fresh first.
 */
export class Interrupts {
  readonly #actions: InterruptActions;
  #count = 0;
  #first: NodeJS.Signals | undefined;

  constructor(actions: InterruptActions) {
    this.#actions = actions;
  }

  /** The first signal received, if any. */
  get interrupted(): NodeJS.Signals | undefined {
    return this.#first;
  }

  readonly handle = (signal: NodeJS.Signals): void => {
    this.#count += 1;
    if (this.#count === 1) {
      this.#first = signal;
      this.#actions.forward(signal);
    } else if (this.#count === 2) {
      this.#actions.stopRun(signal);
    } else {
      this.#actions.abandon(signal);
    }
  };

  /** Listens for SIGINT and SIGTERM; returns the function that stops listening. */
  install(): () => void {
    process.on('SIGINT', this.handle);
    process.on('SIGTERM', this.handle);
    return () => {
      process.off('SIGINT', this.handle);
      process.off('SIGTERM', this.handle);
    };
  }
}
