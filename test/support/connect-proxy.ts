import { createServer, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { TLSSocket } from 'node:tls';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** What the proxy was asked: one CONNECT per tunnel, with its Proxy-Authorization. */
export interface ProxyTunnel {
  readonly target: string;
  readonly authorization: string | undefined;
  /** An https:// proxy asks every client for a certificate (without requiring one): whether it got one. */
  readonly clientCertificate: boolean;
}

/**
 * A forward proxy on a loopback port 0 that tunnels CONNECT requests, as corporate proxies do;
 * an https:// one with `tls` (its certificate and key, PEM).
 */
export interface ConnectProxy {
  readonly url: string;
  readonly tunnels: ProxyTunnel[];
  close(): Promise<void>;
}

export async function startConnectProxy(tls?: { cert: string; key: string }): Promise<ConnectProxy> {
  const tunnels: ProxyTunnel[] = [];
  const sockets = new Set<Socket>();
  const refuse = (_request: unknown, response: ServerResponse) => {
    response.writeHead(405).end('only CONNECT');
  };
  const server =
    tls === undefined
      ? createServer(refuse)
      : createTlsServer({ ...tls, requestCert: true, rejectUnauthorized: false }, refuse);
  server.on('tlsClientError', () => {});
  server.on('connect', (request, client: Socket, head: Buffer) => {
    const target = request.url ?? '';
    const peer = client instanceof TLSSocket ? client.getPeerCertificate() : undefined;
    tunnels.push({
      target,
      authorization: request.headers['proxy-authorization'],
      clientCertificate: peer !== undefined && Object.keys(peer).length > 0,
    });
    const [host, port] = [
      target.slice(0, target.lastIndexOf(':')),
      Number(target.slice(target.lastIndexOf(':') + 1)),
    ];
    const upstream = connect(port, host.replace(/^\[(.*)\]$/, '$1'), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
