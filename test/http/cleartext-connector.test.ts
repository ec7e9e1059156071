import { createServer, type Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/http/transport-error.ts';
import {
  CLEARTEXT_REFUSED,
  credentialConnector,
  type LookupAll,
} from '../../src/http/cleartext-connector.ts';
import { createHttpClient } from '../../src/http/client.ts';

/** This machine's own non-loopback IPv4 address: foreign to the guard, yet no traffic leaves the machine. */
const OWN_ADDRESS = Object.values(networkInterfaces())
  .flatMap((addresses) => addresses ?? [])
  .find((address) => address.family === 'IPv4' && !address.internal)?.address;

let server: Server | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server on every interface, counting requests; answers 200. */
async function countingServer(): Promise<{ port: number; received: string[] }> {
  const received: string[] = [];
  server = createServer((incoming, response) => {
    received.push(`${incoming.method} ${incoming.url} ${incoming.headers.authorization ?? ''}`);
    response.end('{}');
  });
  await new Promise<void>((resolve) => server?.listen(0, '0.0.0.0', resolve));
  return { port: (server.address() as AddressInfo).port, received };
}

/** A resolver that maps every name to `addresses`. */
const resolvingTo =
  (...addresses: string[]): LookupAll =>
  (_hostname, _options, callback) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );

describe.skipIf(OWN_ADDRESS === undefined)('plain http:// connects only to loopback addresses', () => {
  const address = OWN_ADDRESS ?? '';

  it('the client refuses http:// to a non-loopback address before connecting, unless allowInsecureHttp', async () => {
    const { port, received } = await countingServer();
    const strict = createHttpClient({ retry: { maxAttempts: 1 } });
    closers.push(() => strict.close());
    const url = `http://${address}:${port}/v1/token`;
    const error: unknown = await strict
      .send({ method: 'POST', url, headers: { authorization: 'Basic c2VjcmV0' }, body: '' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).fault).toBe('config');
    expect((error as TransportError).message).toContain('cleartext');
    expect((error as TransportError).message).toContain('--allow-insecure-http');
    expect(received).toEqual([]);

    const insecure = createHttpClient({ retry: { maxAttempts: 1 }, allowInsecureHttp: true });
    closers.push(() => insecure.close());
    expect((await insecure.send({ method: 'GET', url, headers: {} })).status).toBe(200);
    expect(received).toHaveLength(1);
  });

  it('a name is connected to the addresses checked: one resolving elsewhere now (rebinding) gets nothing', async () => {
    const { port, received } = await countingServer();
    const send = async (lookup: LookupAll) => {
      const agent = new Agent({
        connect: credentialConnector({ timeoutMs: 5_000, allowInsecureHttp: false, lookup }),
      });
      closers.push(() => agent.close());
      return request(`http://tenant.localhost:${port}/`, { dispatcher: agent });
    };
    const rebound: unknown = await send(resolvingTo('127.0.0.1', address)).catch((caught: unknown) => caught);
    expect(JSON.stringify(rebound, Object.getOwnPropertyNames(rebound))).toContain(CLEARTEXT_REFUSED);
    expect(received).toEqual([]);
    // The same name resolving to loopback only is dialled at exactly that address.
    const response = await send(resolvingTo('127.0.0.1'));
    await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(received).toHaveLength(1);
  });
});
