import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/config-error.ts';
import { DEFAULT_TIMEOUT_MS, createHttpClient } from '../../src/http/client.ts';
import { requestTimeoutMs } from '../../src/http/request-timeout-variable.ts';
import { tlsSettingsFromEnvironment } from '../../src/http/tls-settings.ts';
import { TransportError } from '../../src/http/transport-error.ts';
import { createTestPki } from '../support/test-pki.ts';
import { startTlsServer, type TlsServer } from '../support/tls-server.ts';

describe('IDFLOW_REQUEST_TIMEOUT', () => {
  it('defaults to the client default and reads a duration', () => {
    expect(requestTimeoutMs({})).toBe(DEFAULT_TIMEOUT_MS);
    expect(requestTimeoutMs({ IDFLOW_REQUEST_TIMEOUT: '5s' })).toBe(5_000);
    // What --timeout-request MS hands the test process.
    expect(requestTimeoutMs({ IDFLOW_REQUEST_TIMEOUT: '200ms' })).toBe(200);
  });

  it.each(['abc', '0s', '0ms', '2d', '500', '1.5s', '-5ms'])('refuses %s, naming the variable', (value) => {
    expect(() => requestTimeoutMs({ IDFLOW_REQUEST_TIMEOUT: value })).toThrow(ConfigError);
    expect(() => requestTimeoutMs({ IDFLOW_REQUEST_TIMEOUT: value })).toThrow(
      /IDFLOW_REQUEST_TIMEOUT.*e\.g\./,
    );
  });
});

describe('a TLS server that takes the request and never answers', () => {
  let server: TlsServer;
  let ca: string;
  beforeAll(async () => {
    const pki = createTestPki();
    ca = pki.caFile;
    server = await startTlsServer(pki, { neverAnswer: true });
  });
  afterAll(() => server.close());

  it('IDFLOW_REQUEST_TIMEOUT=200ms stops the request after about 200 ms, with a timeout message', async () => {
    const client = createHttpClient({
      timeoutMs: requestTimeoutMs({ IDFLOW_REQUEST_TIMEOUT: '200ms' }),
      tls: tlsSettingsFromEnvironment({ IDFLOW_CA_FILE: ca }),
      retry: { maxAttempts: 1 },
    });
    const started = performance.now();
    try {
      const error = await client
        .send({ method: 'GET', url: `${server.url}/v1/slow`, headers: {} })
        .catch((caught: unknown) => caught);
      const elapsed = performance.now() - started;
      expect(error).toBeInstanceOf(TransportError);
      expect((error as TransportError).code).toBe('TIMEOUT');
      expect((error as TransportError).message).toMatch(/GET \/v1\/slow timed out after 200 ms/);
      expect(elapsed).toBeGreaterThanOrEqual(190);
      expect(elapsed).toBeLessThan(2_000);
      expect(server.requests).toBe(1);
    } finally {
      await client.close();
    }
  });
});
