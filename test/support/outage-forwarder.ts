import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A loopback TCP forwarder to a server, which can go down as a tenant in an outage does. */
export interface OutageForwarder {
  /** `http://127.0.0.1:<port>`: the forwarder's own address. */
  readonly url: string;
  /** Request lines (`GET /v1/x HTTP/1.1`) seen before it went down. */
  readonly seen: string[];
  /** Whether it went down. */
  readonly down: () => boolean;
  close(): Promise<void>;
}

/**
 * Forwards every connection to `target` until a request line makes `goDown` return true: that
 * request is not forwarded, every connection is dropped and the port stops listening, so each
 * later connection is refused (ECONNREFUSED), as when a tenant's host goes away mid-run.
 */
export async function startOutageForwarder(
  target: string,
  goDown: (requestLine: string, seen: readonly string[]) => boolean,
): Promise<OutageForwarder> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const seen: string[] = [];
  let isDown = false;
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (isDown) return;
      const line = /^[A-Z]+ \S+ HTTP\/1\.1/.exec(chunk.toString('latin1'))?.[0];
      if (line !== undefined && goDown(line, seen)) {
        isDown = true;
        server.close();
        for (const socket of sockets) socket.destroy();
        return;
      }
      if (line !== undefined) seen.push(line);
      upstream.write(chunk);
    });
    client.on('end', () => upstream.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    down: () => isDown,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
