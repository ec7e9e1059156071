import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/http/transport-error.ts';
import { createHttpClient } from '../../src/http/client.ts';
import type { HttpClient } from '../../src/http/types.ts';

let server: Server | undefined;
let client: HttpClient | undefined;
const sockets = new Set<Socket>();

afterEach(async () => {
  await client?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  client = undefined;
  server = undefined;
});

/**
 * A raw HTTP server that answers with `head`, then sends one `piece` every 300 ms for 10 s,
 * then ends: every gap is far below the client's 1 s timeout, the whole answer far above it.
 */
async function drippingServer(head: string, piece: string, tail: string): Promise<string> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('data', () => {
      socket.write(head);
      let sent = 0;
      const timer = setInterval(() => {
        if (socket.destroyed) return clearInterval(timer);
        sent += 1;
        if (sent > 33) {
          clearInterval(timer);
          socket.end(tail);
          return;
        }
        socket.write(piece);
      }, 300);
      socket.on('close', () => clearInterval(timer));
    });
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error: unknown = await promise.then(
    () => new Error('the request completed: nothing bounded it'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

// Attack: undici's headersTimeout/bodyTimeout restart with every byte, so a server dripping a
// byte every 10 s held one request 300 s. The timeout now bounds the whole exchange.
describe('the request timeout bounds headers and body together', () => {
  it('a body dripped a byte every 300 ms fails after the 1 s timeout: TIMEOUT naming the request', async () => {
    const origin = await drippingServer('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\n', 'x', '');
    client = createHttpClient({ timeoutMs: 1_000, retry: { maxAttempts: 1 } });
    const error = await failure(client.send({ method: 'GET', url: `${origin}/v1/drip`, headers: {} }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.fault).toBe('api');
    expect(error.message).toContain('GET /v1/drip');
    expect(error.message).toContain('1000 ms');
  });

  it('headers dripped a line every 300 ms fail after the 1 s timeout', async () => {
    const origin = await drippingServer('HTTP/1.1 200 OK\r\n', 'x-drip: 1\r\n', 'content-length: 0\r\n\r\n');
    client = createHttpClient({ timeoutMs: 1_000, retry: { maxAttempts: 1 } });
    const error = await failure(
      client.send({ method: 'GET', url: `${origin}/v1/drip-headers`, headers: {} }),
    );
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('GET /v1/drip-headers');
    expect(error.message).toContain('1000 ms');
  });
});
