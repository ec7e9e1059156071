import { redact, redactValue } from '../redact/secrets.ts';

/**
 * Who is at fault decides the exit code: the API under test (1), the user's configuration (2),
 * or the suite itself (a bug in idflow, also 1 but labelled so nobody blames the tenant).
 */
/**
 * Whose fault a failure is: the API under test, the configuration, idflow itself, or nobody's
 * the run can name (`unreachable`: DNS, a refused connection, TLS; the contract's exit 3).
 */
export type Fault = 'api' | 'config' | 'suite' | 'unreachable';

/**
 * Base class of every error idflow raises on purpose. Vitest reporters receive serialized
 * errors and can rely only on `name`, `code` and `message`, so `code` is stable and the message
 * and the `cause` chain are redacted when the error is built, before anything can print them.
 */
export class IdflowError extends Error {
  /** Stable, machine-readable identifier such as `STATUS_MISMATCH` or `CONFIG_MISSING`. */
  readonly code: string;
  readonly fault: Fault;

  constructor(code: string, message: string, options: { fault: Fault; cause?: unknown }) {
    super(redact(message), options.cause === undefined ? undefined : { cause: redactValue(options.cause) });
    this.name = new.target.name;
    this.code = code;
    this.fault = options.fault;
    // A tenant's or a configuration's fault is explained by the message; frames of idflow's own
    // source would only bury it. A suite bug keeps its stack: that one is ours to debug.
    if (options.fault !== 'suite') this.stack = `${this.name}: ${this.message}`;
  }
}
