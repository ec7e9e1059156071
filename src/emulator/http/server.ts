import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mediaTypeOf } from './body.ts';
import { ConnectionReset } from './connection-reset.ts';
import type { EmulatorHandler, EmulatorRequest, EmulatorResponse } from './types.ts';

/** PEM texts the emulator serves https:// with. */
export interface EmulatorTls {
  readonly cert: string;
  readonly key: string;
  /** When set, a client must present a certificate one of these CAs signed (mTLS). */
  readonly clientCa?: string;
}

export interface ServerOptions {
  host: string;
  /** 0 picks an ephemeral port. */
  port: number;
  handler: EmulatorHandler;
  /** Request bodies larger than this are refused without reaching `handler`. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Builds the answer to an oversized body; default a bare 413. */
  onBodyTooLarge?: (req: EmulatorRequest) => EmulatorResponse;
  /** Serve https:// with this certificate instead of http://. */
  tls?: EmulatorTls;
}

export interface RunningServer {
  /** `http://host:port` (`https://` with `tls`), with the port actually bound. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and ends every open (also keep-alive) connection. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(message: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      // Keep draining (without storing) so the client can read our 413.
      else chunks.push(chunk);
    });
    message.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    message.on('error', reject);
  });
}

function headerRecord(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  let payload: Buffer | undefined;
  if (typeof response.body === 'string') {
    payload = Buffer.from(response.body, 'utf8');
    headers['content-type'] ??= 'text/plain;charset=UTF-8';
  } else if (response.body !== undefined) {
    payload = Buffer.from(JSON.stringify(response.body), 'utf8');
    headers['content-type'] ??= 'application/json';
  }
  headers['content-length'] = String(payload?.length ?? 0);
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** Ends the connection with a TCP RST, so the client sees a reset rather than a clean close. */
function resetSocket(res: ServerResponse): void {
  if (res.socket) res.socket.resetAndDestroy();
  else res.destroy();
}

/** `node:http`, or `node:https` with the certificate (and the client CAs, for mTLS) of `tls`. */
function listenerServer(tls: EmulatorTls | undefined, listener: RequestListener) {
  if (tls === undefined) return createServer(listener);
  const mutual =
    tls.clientCa === undefined ? {} : { ca: tls.clientCa, requestCert: true, rejectUnauthorized: true };
  return createTlsServer({ cert: tls.cert, key: tls.key, ...mutual }, listener);
}

/**
 * Serves `handler` on `node:http` (`node:https` with `tls`); resolves once the server is
 * listening. A handler that throws `ConnectionReset` gets no answer: the connection is reset instead.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const serverState = new Map<symbol, unknown>();
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let fallbackOrigin = '';
  const scheme = options.tls === undefined ? 'http' : 'https';

  const server = listenerServer(options.tls, (message, res) => {
    const url = new URL(message.url ?? '/', 'http://emulator.invalid');
    const headers = headerRecord(message);
    const req: EmulatorRequest = {
      method: (message.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers,
      rawBody: Buffer.alloc(0),
      contentType: mediaTypeOf(headers['content-type']),
      origin: headers.host ? `${scheme}://${headers.host}` : fallbackOrigin,
      params: {},
      serverState,
    };
    readBody(message, limit)
      .then(async (body) => {
        req.rawBody = body;
        return options.handler(req);
      })
      .catch((error: unknown): EmulatorResponse | undefined => {
        if (error instanceof ConnectionReset) return undefined;
        if (error instanceof BodyTooLarge) {
          return options.onBodyTooLarge?.(req) ?? { status: 413, body: 'Request body too large.' };
        }
        return { status: 500, body: 'Unexpected emulator error.' };
      })
      .then((response) => (response ? send(res, response) : resetSocket(res)))
      .catch(() => res.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `${scheme}://${formatHost(options.host)}:${port}`;
  fallbackOrigin = url;

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
