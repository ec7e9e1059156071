/** The contract's exit codes: outside scripts depend on them. */
export const EXIT = {
  /** Every check passed. */
  passed: 0,
  /** A conformance check failed (the API under test, or a bug in the suite). */
  failed: 1,
  /** Bad configuration or usage; the message says what to fix. */
  usage: 2,
  /** The tenant could not be reached (DNS, refused connection, TLS). */
  unreachable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
