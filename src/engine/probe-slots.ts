/**
 * At most this many probes in flight at once: probes are most of a run's requests, and a real
 * tenant rate-limits bursts (a 429 costs a Retry-After wait); the flow's own steps never wait
 * for a slot, so the critical path is not slowed by them.
 */
export const PROBE_CONCURRENCY = 8;

/** A counting semaphore: `acquire()` resolves when one of `size` slots is free. */
export class Slots {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    this.#free = size;
  }

  acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
}
