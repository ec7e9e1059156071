import { TransportError } from '../../http/transport-error.ts';
import type { StepDefinition } from '../step/step.ts';

/** The TransportError behind a step's failure (its cause chain), if the failure was one. */
function transportCause(error: unknown): TransportError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    if (current instanceof TransportError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

const LEADING_VARIABLE = /^\{\{([^}]+)\}\}/;

/**
 * Hosts that could not be reached in this run (DNS, a refused connection, TLS). A later step
 * whose URL goes to one of them is skipped, naming the first failure, instead of failing the
 * same way again: an outage of the tenant reads as one failure with its cause and fix, not as
 * one per step and probe. The step's host is read from its URL as the run's variables fill it.
 */
export class UnreachableHosts {
  readonly #failures = new Map<string, string>();

  /**
   * Notes a step's failure; only an unreachable host marks it. When an earlier step already
   * found that host unreachable, returns why this failure is reported as a skip instead (a step
   * whose host shows only as it is sent, a probe's rewritten URL say, or one sent concurrently).
   */
  note(step: StepDefinition, error: unknown): string | undefined {
    const transport = transportCause(error);
    if (transport?.fault !== 'unreachable') return undefined;
    const host = hostOf(transport.url);
    if (host === undefined) return undefined;
    const earlier = this.#failures.get(host);
    if (earlier !== undefined) return this.#reason(host, earlier);
    this.#failures.set(
      host,
      `${step.id}: ${transport.code}${transport.causeCode ? ` ${transport.causeCode}` : ''}`,
    );
    return undefined;
  }

  #reason(host: string, failure: string): string {
    return (
      `not sent: ${host} could not be reached earlier in this run (${failure}); that failure says ` +
      'why and what to check'
    );
  }

  /** Why `step` is not sent, or undefined when its host has not failed to be reached. */
  skipReason(step: StepDefinition, lookup: (name: string) => unknown): string | undefined {
    if (this.#failures.size === 0) return undefined;
    const template = step.request.url;
    const variable = LEADING_VARIABLE.exec(template)?.[1];
    const base = variable === undefined ? template : lookup(variable);
    const host = typeof base === 'string' ? hostOf(base) : undefined;
    const failure = host === undefined ? undefined : this.#failures.get(host);
    return host === undefined || failure === undefined ? undefined : this.#reason(host, failure);
  }
}
