import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createHttpClient } from '../../src/http/client.ts';
import { proxyFor, proxySettingsFromEnvironment } from '../../src/http/proxy.ts';
import { TransportError } from '../../src/http/transport-error.ts';
import { clearSecretsForTest, redact } from '../../src/redact/secrets.ts';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.ts';
import { sendJson, startLocalServer, type LocalServer } from '../support/local-server.ts';

let origin: LocalServer;
let proxy: ConnectProxy;
beforeAll(async () => {
  origin = await startLocalServer((_request, response) => sendJson(response, 200, { ok: true }));
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await proxy.close();
  await origin.close();
});
afterEach(() => proxy.tunnels.splice(0));

describe('proxies, as HTTP_PROXY, HTTPS_PROXY and NO_PROXY say', () => {
  test('a request goes through the proxy (a CONNECT tunnel to the origin)', async () => {
    const client = createHttpClient({ proxy: { httpProxy: proxy.url, httpsProxy: proxy.url } });
    try {
      const response = await client.send({ method: 'GET', url: `${origin.url}/x`, headers: {} });
      expect(response.status).toBe(200);
    } finally {
      await client.close();
    }
    expect(proxy.tunnels.map((tunnel) => tunnel.target)).toEqual([new URL(origin.url).host]);
  });

  test('NO_PROXY naming the host (with or without its port) sends it directly', async () => {
    const { host, hostname } = new URL(origin.url);
    for (const noProxy of [hostname, host, `other.example, ${hostname}`, '*']) {
      const client = createHttpClient({ proxy: { httpProxy: proxy.url, noProxy } });
      try {
        expect((await client.send({ method: 'GET', url: `${origin.url}/x`, headers: {} })).status).toBe(200);
      } finally {
        await client.close();
      }
    }
    expect(proxy.tunnels).toEqual([]);
  });

  test('proxy credentials go to the proxy as Basic auth and are secrets from then on', async () => {
    clearSecretsForTest();
    const withUser = proxy.url.replace('http://', 'http://qa-user:pr0xy-pa55word@');
    const settings = proxySettingsFromEnvironment({ HTTP_PROXY: withUser });
    const client = createHttpClient({ proxy: settings });
    try {
      await client.send({ method: 'GET', url: `${origin.url}/x`, headers: {} });
    } finally {
      await client.close();
    }
    const basic = Buffer.from('qa-user:pr0xy-pa55word').toString('base64');
    expect(proxy.tunnels[0]?.authorization).toBe(`Basic ${basic}`);
    expect(redact(`${withUser} ${basic}`)).not.toMatch(/pr0xy-pa55word|cHIweHktcGE1NXdvcmQ/);
    expect(redact(`Basic ${basic}`)).not.toContain(basic);
  });

  test('plain http:// to a host off this machine is refused before it reaches the proxy', async () => {
    const client = createHttpClient({ proxy: { httpProxy: proxy.url }, retry: { maxAttempts: 1 } });
    try {
      const error = await client
        .send({ method: 'GET', url: 'http://tenant.example.com/v1', headers: {} })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toBe('CONNECTION_FAILED');
      expect((error as TransportError).message).toContain('cross the proxy in cleartext');
    } finally {
      await client.close();
    }
    expect(proxy.tunnels).toEqual([]);
  });

  test('lower-case variables win, and https falls back to the http proxy', () => {
    const settings = proxySettingsFromEnvironment({
      HTTP_PROXY: 'http://upper.example:1',
      http_proxy: 'http://lower.example:2',
      NO_PROXY: 'internal.example',
    });
    expect(settings).toEqual({
      httpProxy: 'http://lower.example:2',
      httpsProxy: 'http://lower.example:2',
      noProxy: 'internal.example',
    });
    expect(proxyFor(new URL('https://api.pingone.eu/v1'), settings)).toBe('http://lower.example:2');
    expect(proxyFor(new URL('https://a.internal.example/v1'), settings)).toBeUndefined();
  });
});
