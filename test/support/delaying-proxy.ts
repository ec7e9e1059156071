import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the proxy received, and whether it reached the origin. */
export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  forwarded: boolean;
}

/** A proxy on a loopback port 0 in front of an HTTP origin (an emulator). */
export interface DelayingProxy {
  readonly url: string;
  readonly received: ProxiedRequest[];
  /** Resolves at the next request for which `matches` holds (counting those already received). */
  next(matches: (request: ProxiedRequest) => boolean, after?: number): Promise<ProxiedRequest>;
  close(): Promise<void>;
}

/**
 * Forwards every request to `origin` unchanged (Host included, so the origin's links name the
 * proxy), except that a DELETE is held `deleteDelayMs` first (forever with `Infinity`) and is
 * dropped, never forwarded, when its client went away meanwhile: like a tenant whose deletions
 * are slow, seen by a client that cannot count on a request it abandoned. With `refuseDelete`,
 * a DELETE is answered with the status it returns instead, while it returns one.
 */
export async function startDelayingProxy(
  origin: string,
  options: {
    deleteDelayMs: number;
    /** A status to answer a DELETE with, unforwarded, while it returns one (a tenant refusing deletions). */
    refuseDelete?: () => number | undefined;
  },
): Promise<DelayingProxy> {
  const target = new URL(origin);
  const received: ProxiedRequest[] = [];
  const waiters: Array<{
    matches: (request: ProxiedRequest) => boolean;
    from: number;
    done: (request: ProxiedRequest) => void;
  }> = [];
  const timers = new Set<NodeJS.Timeout>();

  function notify(): void {
    for (const waiter of [...waiters]) {
      const found = received.slice(waiter.from).find(waiter.matches);
      if (found) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done(found);
      }
    }
  }

  function forward(incoming: IncomingMessage, body: Buffer, response: ServerResponse): void {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', () => response.destroy());
    outgoing.end(body);
  }

  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    let gone = false;
    // One listener per request on a kept-alive socket, removed once the answer is sent.
    const socket = incoming.socket;
    const onClose = () => (gone = true);
    socket.on('close', onClose);
    response.once('close', () => socket.off('close', onClose));
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const seen: ProxiedRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        forwarded: false,
      };
      received.push(seen);
      notify();
      const send = (): void => {
        if (gone) return;
        seen.forwarded = true;
        forward(incoming, Buffer.concat(chunks), response);
      };
      if (seen.method !== 'DELETE') return send();
      const refusal = options.refuseDelete?.();
      if (refusal !== undefined) {
        response
          .writeHead(refusal, { 'content-type': 'application/json' })
          .end('{"code":"ACCESS_FAILED","message":"refused by the test proxy"}');
        return;
      }
      if (options.deleteDelayMs === Infinity) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, options.deleteDelayMs);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    next: (matches, after = 0) =>
      new Promise((done) => {
        waiters.push({ matches, from: after, done });
        notify();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
