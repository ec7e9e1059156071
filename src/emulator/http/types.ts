/**
 * The request value every emulator handler receives. Middleware may rewrite it in place before
 * calling `next` (a fault can, say, turn a PUT into a GET), which is why most fields are mutable.
 */
export interface EmulatorRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path without query, percent-encoded as received (e.g. `/v1/environments/abc`). */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased; repeated headers joined with `, `. */
  headers: Record<string, string>;
  rawBody: Buffer;
  /** Media type of the body without parameters, lower-cased; `''` when absent. */
  contentType: string;
  /** Scheme and authority the client used, from its own Host header: `http://127.0.0.1:54321`. */
  readonly origin: string;
  /** Route parameters, filled in by the router. */
  params: Record<string, string>;
  /** Scratch space that lives as long as the server; see `serverScoped`. */
  readonly serverState: Map<symbol, unknown>;
}

/**
 * A response as a value. `body` is sent as is when it is a string, JSON-serialized otherwise, and
 * omitted when undefined. Header names are lower-case by convention so middleware can find them.
 */
export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type EmulatorHandler = (req: EmulatorRequest) => Promise<EmulatorResponse>;

export type EmulatorMiddleware = (
  req: EmulatorRequest,
  next: () => Promise<EmulatorResponse>,
) => Promise<EmulatorResponse>;
