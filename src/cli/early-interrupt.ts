/** Marks the listener `bin.js` installs for signals that arrive while `idflow run` is starting. */
const START_UP_MARKER = Symbol.for('idflow.start-up-interrupt');

/**
 * Ends start-up: removes the listener `bin.js` installed so that an interrupt while `idflow run`
 * loads its modules and configuration exits 1 (an interrupted run) instead of the shell's 130.
 * Called once the run handles signals itself (the supervisor, or vitest in the test process).
 */
export function endStartUp(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (START_UP_MARKER in listener) process.off(signal, listener);
    }
  }
}
