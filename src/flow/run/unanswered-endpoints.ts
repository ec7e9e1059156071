import type { StepDefinition } from '../step/step.ts';

const PLACEHOLDER = /^\{\{[^}]+\}\}$/;
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i;

/**
 * A step's endpoint as a route: method and URL template, with every path segment that names
 * a resource (a `{{variable}}` or a literal id) as `:id`, so a probe that sends an unknown id
 * to the same route is the same endpoint. The first segment (the host variable) stays.
 */
function endpointOf(step: StepDefinition): string {
  const [host = '', ...path] = step.request.url.split('?')[0]?.split('/') ?? [];
  const route = path.map((segment) => (PLACEHOLDER.test(segment) || ID.test(segment) ? ':id' : segment));
  return `${step.request.method} ${[host, ...route].join('/')}`;
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

/**
 * Endpoints that accepted a request and never answered it in time (a `TIMEOUT`) in this run.
 * A later step sending to the same endpoint (same method and route, whatever ids, credentials
 * or body it uses) is skipped with the first failure as its reason instead of
 * waiting the whole timeout again: a hung token endpoint fails the run once, not once per
 * suite file and probe that needs a token of its own.
 */
export class UnansweredEndpoints {
  readonly #failures = new Map<string, string>();

  /** Notes a step's failure; only a time-out marks its endpoint. */
  note(step: StepDefinition, error: unknown): void {
    if ((error as { code?: unknown } | null)?.code !== 'TIMEOUT') return;
    const endpoint = endpointOf(step);
    if (!this.#failures.has(endpoint)) this.#failures.set(endpoint, `${step.id}: ${firstLine(error)}`);
  }

  /** Why `step` is not sent, or undefined when its endpoint has not failed to answer. */
  skipReason(step: StepDefinition): string | undefined {
    const failure = this.#failures.get(endpointOf(step));
    if (failure === undefined) return undefined;
    return (
      `not sent: its endpoint (${endpointOf(step)}) gave no response earlier in this run, and ` +
      `asking again would wait as long (${failure})`
    );
  }
}
