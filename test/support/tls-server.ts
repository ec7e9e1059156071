import { createServer, type ServerOptions } from 'node:https';
import type { ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TestPki } from './test-pki.ts';

/** A real HTTPS server on a loopback port 0, with the test PKI's server certificate. */
export interface TlsServer {
  /** `https://127.0.0.1:N` */
  readonly url: string;
  /** Requests that got through the handshake. */
  readonly requests: number;
  close(): Promise<void>;
}

/** How the server treats clients. */
export interface TlsServerOptions {
  /** Ask for a client certificate and refuse the handshake without one the CA signed (mTLS). */
  readonly requireClientCert?: boolean;
  /** Take the request and never answer it. */
  readonly neverAnswer?: boolean;
}

export async function startTlsServer(pki: TestPki, options: TlsServerOptions = {}): Promise<TlsServer> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const tls: ServerOptions = {
    cert: pki.server.cert,
    key: pki.server.key,
    ...(options.requireClientCert ? { requestCert: true, rejectUnauthorized: true, ca: pki.ca } : {}),
  };
  const server = createServer(tls, (_request, response: ServerResponse) => {
    requests += 1;
    if (options.neverAnswer) return;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
