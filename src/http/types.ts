/** The methods the suites use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as the suites build it: an absolute URL, plain headers and a text body. */
export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Total time for this request, headers and body together, ms; defaults to the client's. */
  timeoutMs?: number;
  /**
   * Deadline of the whole send, retries and their waits included, in ms from when it starts;
   * defaults to the client's `deadlineMs` (the per-step deadline: a step sends one request).
   */
  deadlineMs?: number;
  /**
   * Sent by teardown or a drain: exempt from the whole-run deadline, so what a run created is
   * deleted even when the run ran out of time.
   */
  teardown?: boolean;
  /** Aborts the request in flight; the run-deadline piece sets it on the copy it hands the network. */
  signal?: AbortSignal;
}

/** One attempt the retry piece did not accept, and how long it waited before the next. */
export interface RetryAttempt {
  /**
   * What the attempt got: an HTTP status such as `429`, or a transport error code such as
   * `CONNECTION_FAILED`.
   */
  readonly outcome: string;
  /** How long the piece waited before sending again, ms. */
  readonly waitedMs: number;
  /** `Retry-After`: the server's header set the wait; `back-off`: exponential back-off with jitter. */
  readonly basis: 'Retry-After' | 'back-off';
}

/** What the retry piece did about one send: the attempts it repeated and why it stopped, if it gave up. */
export interface RetryRecord {
  /** Rejected attempts, oldest first; the final one (returned or thrown) is not listed. */
  readonly attempts: readonly RetryAttempt[];
  /** Why a retryable-looking outcome was not retried (POST, attempts used up, deadline). */
  readonly stopped?: string;
}

/** A response, fully read. */
export interface HttpResponse {
  status: number;
  /** Lower-cased names; a header sent several times has its values joined with ", ". */
  headers: Record<string, string>;
  bodyText: string;
  /** The parsed body when it parses as JSON, else `undefined`. */
  json: unknown | undefined;
  /** Time from sending the request to having read the whole body, in milliseconds. */
  durationMs: number;
  /** Set by the retry piece when it repeated the request or declined to: every retry is evidence. */
  retries?: RetryRecord;
}

/** Sends a request and resolves with its response. */
export type Handler = (request: HttpRequest) => Promise<HttpResponse>;

/** Wraps a handler: may change the request, call `next` zero or more times, change the response. */
export type Middleware = (request: HttpRequest, next: Handler) => Promise<HttpResponse>;

/** A recorded exchange: redacted copies only, never raw secrets. */
export interface Exchange {
  request: HttpRequest;
  response?: HttpResponse;
  error?: { code: string; message: string };
  /** ISO 8601 time the request was sent. */
  startedAt: string;
  /** The same instant in epoch milliseconds, with the precision of `performance.now()`. */
  startMs: number;
  durationMs: number;
}

/** Sends requests over a keep-alive connection pool. */
export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Closes the pooled connections; the client cannot send afterwards. */
  close(): Promise<void>;
}
