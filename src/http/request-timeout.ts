import { TransportError } from './transport-error.ts';

function describe(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, path: parsed.pathname };
  } catch {
    return { host: '(invalid URL)', path: url };
  }
}

/**
 * The total time one request may take, headers and body together. undici's own timeouts
 * (`headersTimeout`, `bodyTimeout`) restart with every byte, so a server dripping a byte now
 * and then would hold a request for as long as it likes; this one does not restart.
 */
export class RequestTimeout {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    this.timeoutMs = timeoutMs;
    this.#timer = setTimeout(() => this.#controller.abort(), timeoutMs);
  }

  /** The signal to send with: aborts when the timeout passes or `caller` aborts. */
  signal(caller: AbortSignal | undefined): AbortSignal {
    return caller ? AbortSignal.any([caller, this.#controller.signal]) : this.#controller.signal;
  }

  /** True once the timeout passed (and aborted the request). */
  get expired(): boolean {
    return this.#controller.signal.aborted;
  }

  /** TransportError `TIMEOUT` for `request`, naming it, the timeout and what was still awaited. */
  error(request: { method: string; url: string }, awaited: 'headers' | 'body'): TransportError {
    const { host, path } = describe(request.url);
    return new TransportError({
      code: 'TIMEOUT',
      fault: 'api',
      method: request.method,
      url: request.url,
      causeCode: 'REQUEST_TIMEOUT',
      message:
        `${request.method} ${path} timed out after ${this.timeoutMs} ms waiting for the response ` +
        `${awaited} from ${host} (the timeout covers headers and body together; --timeout-request MS ` +
        `or IDFLOW_REQUEST_TIMEOUT sets it).`,
    });
  }

  clear(): void {
    clearTimeout(this.#timer);
  }
}
