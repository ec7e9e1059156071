import { rootCertificates } from 'node:tls';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHttpClient } from '../../src/http/client.ts';
import {
  tlsSettingsFromEnvironment,
  trustedCertificates,
  type TlsSettings,
} from '../../src/http/tls-settings.ts';
import { TransportError } from '../../src/http/transport-error.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { clearSecretsForTest, redact } from '../../src/redact/secrets.ts';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.ts';
import { createTestPki, pemBodyLines, type TestPki } from '../support/test-pki.ts';
import { startTlsServer, type TlsServer } from '../support/tls-server.ts';

/** A corporate network: a private CA, a server that wants client certificates, a CONNECT proxy. */
let pki: TestPki;
let plain: TlsServer;
let mutual: TlsServer;
let proxy: ConnectProxy;
beforeAll(async () => {
  pki = createTestPki();
  [plain, mutual, proxy] = await Promise.all([
    startTlsServer(pki),
    startTlsServer(pki, { requireClientCert: true }),
    startConnectProxy(),
  ]);
});
afterAll(async () => {
  await Promise.all([plain.close(), mutual.close(), proxy.close()]);
});

/** GET `url` once (no retries) with these settings, directly or through the proxy; the answer or the error. */
async function get(
  url: string,
  tls: TlsSettings,
  via: 'direct' | 'proxy' = 'direct',
): Promise<number | TransportError> {
  const client = createHttpClient({
    tls,
    proxy: via === 'proxy' ? { httpsProxy: proxy.url } : {},
    retry: { maxAttempts: 1 },
    timeoutMs: 5_000,
  });
  const tunnels = proxy.tunnels.length;
  try {
    return (await client.send({ method: 'GET', url: `${url}/v1/ping`, headers: {} })).status;
  } catch (error) {
    if (error instanceof TransportError) return error;
    throw error;
  } finally {
    await client.close();
    expect(proxy.tunnels.length > tunnels, `went through the proxy: ${via === 'proxy'}`).toBe(
      via === 'proxy',
    );
  }
}

function failure(outcome: number | TransportError): TransportError {
  expect(outcome).toBeInstanceOf(TransportError);
  return outcome as TransportError;
}

describe.each(['direct', 'proxy'] as const)('TLS settings, %s', (via) => {
  test('a certificate from a CA this machine does not trust fails, naming --ca and NODE_EXTRA_CA_CERTS', async () => {
    const error = failure(await get(plain.url, tlsSettingsFromEnvironment({}), via));
    expect(error.code).toBe('TLS_FAILED');
    expect(error.fault).toBe('unreachable');
    expect(error.message).toMatch(/not signed by a CA this machine trusts/);
    expect(error.message).toContain('--ca FILE');
    expect(error.message).toContain('NODE_EXTRA_CA_CERTS');
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  test('IDFLOW_CA_FILE (--ca) trusts that CA', async () => {
    expect(await get(plain.url, tlsSettingsFromEnvironment({ IDFLOW_CA_FILE: pki.caFile }), via)).toBe(200);
  });

  test('IDFLOW_INSECURE_TLS (--insecure) skips the verification', async () => {
    expect(await get(plain.url, tlsSettingsFromEnvironment({ IDFLOW_INSECURE_TLS: '1' }), via)).toBe(200);
  });

  test('a server that requires a client certificate refuses a request without one, naming --cert and --key', async () => {
    const served = mutual.requests;
    const error = failure(
      await get(mutual.url, tlsSettingsFromEnvironment({ IDFLOW_CA_FILE: pki.caFile }), via),
    );
    expect(error.code).toBe('TLS_FAILED');
    expect(error.fault).toBe('unreachable');
    expect(error.message).toMatch(/requires a client certificate/);
    expect(error.message).toContain('--cert FILE --key FILE');
    expect(mutual.requests, 'the request never reached the server').toBe(served);
  });

  test('IDFLOW_CERT_FILE and IDFLOW_KEY_FILE (--cert, --key) present the client certificate', async () => {
    const tls = tlsSettingsFromEnvironment({
      IDFLOW_CA_FILE: pki.caFile,
      IDFLOW_CERT_FILE: pki.client.certFile,
      IDFLOW_KEY_FILE: pki.client.keyFile,
    });
    expect(await get(mutual.url, tls, via)).toBe(200);
  });

  test('a client certificate the server does not accept is named as the cause', async () => {
    const tls = tlsSettingsFromEnvironment({
      IDFLOW_CA_FILE: pki.caFile,
      IDFLOW_CERT_FILE: pki.stranger.certFile,
      IDFLOW_KEY_FILE: pki.stranger.keyFile,
    });
    const error = failure(await get(mutual.url, tls, via));
    expect(error.code).toBe('TLS_FAILED');
    expect(error.message).toMatch(/did not accept the client certificate/);
    expect(error.message).toContain('--cert');
  });
});

describe('an https:// proxy', () => {
  test('is trusted through --ca like an origin, and never gets the client certificate', async () => {
    const secureProxy = await startConnectProxy({ cert: pki.server.cert, key: pki.server.key });
    const send = async (env: NodeJS.ProcessEnv) => {
      const client = createHttpClient({
        tls: tlsSettingsFromEnvironment(env),
        proxy: { httpsProxy: secureProxy.url },
        retry: { maxAttempts: 1 },
      });
      try {
        return (await client.send({ method: 'GET', url: `${mutual.url}/v1/ping`, headers: {} })).status;
      } catch (error) {
        return error;
      } finally {
        await client.close();
      }
    };
    try {
      expect(secureProxy.url).toMatch(/^https:/);
      const untrusted = failure((await send({})) as TransportError);
      expect(untrusted.code).toBe('TLS_FAILED');
      expect(secureProxy.tunnels).toEqual([]);
      const mtls = {
        IDFLOW_CA_FILE: pki.caFile,
        IDFLOW_CERT_FILE: pki.client.certFile,
        IDFLOW_KEY_FILE: pki.client.keyFile,
      };
      expect(await send(mtls)).toBe(200);
      expect(await send({ ...mtls, IDFLOW_CA_FILE: '', IDFLOW_INSECURE_TLS: '1' })).toBe(200);
      expect(secureProxy.tunnels.map((tunnel) => tunnel.clientCertificate)).toEqual([false, false]);
    } finally {
      await secureProxy.close();
    }
  });
});

describe('TLS settings from the environment', () => {
  test('--ca adds to the trusted CAs: Node’s bundled roots and NODE_EXTRA_CA_CERTS stay trusted', async () => {
    const trusted = trustedCertificates({ NODE_EXTRA_CA_CERTS: pki.caFile });
    expect(trusted).toEqual(expect.arrayContaining([...rootCertificates]));
    // The server's CA comes from NODE_EXTRA_CA_CERTS, --ca names another CA: both are trusted.
    const tls = tlsSettingsFromEnvironment({
      IDFLOW_CA_FILE: join(pki.dir, 'other-ca.pem'),
      NODE_EXTRA_CA_CERTS: pki.caFile,
    });
    expect(await get(plain.url, tls)).toBe(200);
  });

  test('an encrypted key opens with IDFLOW_KEY_PASSPHRASE, and without it the file is named', async () => {
    const files = {
      IDFLOW_CA_FILE: pki.caFile,
      IDFLOW_CERT_FILE: pki.client.certFile,
      IDFLOW_KEY_FILE: pki.encryptedClientKeyFile,
    };
    expect(
      await get(mutual.url, tlsSettingsFromEnvironment({ ...files, IDFLOW_KEY_PASSPHRASE: pki.passphrase })),
    ).toBe(200);
    expect(() => tlsSettingsFromEnvironment(files)).toThrow(
      new RegExp(`${pki.encryptedClientKeyFile}.*encrypted.*IDFLOW_KEY_PASSPHRASE`),
    );
  });

  test('the key file’s content and the passphrase are secrets from the moment they are read', () => {
    clearSecretsForTest();
    tlsSettingsFromEnvironment({
      IDFLOW_CERT_FILE: pki.client.certFile,
      IDFLOW_KEY_FILE: pki.encryptedClientKeyFile,
      IDFLOW_KEY_PASSPHRASE: pki.passphrase,
    });
    tlsSettingsFromEnvironment({
      IDFLOW_CERT_FILE: pki.client.certFile,
      IDFLOW_KEY_FILE: pki.client.keyFile,
    });
    const encrypted = readFileSync(pki.encryptedClientKeyFile, 'utf8');
    for (const key of [pki.client.key, encrypted]) {
      const lines = pemBodyLines(key);
      for (const line of lines.filter((each) => each.length >= 16))
        expect(redact(`key: ${line}`)).toBe('key: [REDACTED]');
      expect(redact(key)).not.toContain(lines[0]);
      expect(redact(lines.join(''))).not.toContain(lines[0]);
    }
    expect(redact(`passphrase=${pki.passphrase}`)).toBe('passphrase=[REDACTED]');
    // The certificate is public: it stays readable.
    const certLine = pemBodyLines(pki.client.cert)[0] ?? '';
    expect(redact(certLine)).toBe(certLine);
  });
});

describe('a PEM file that cannot be used is a configuration error naming the file, never its content', () => {
  const SECRET_TEXT = 'top-secret-material-that-is-not-a-pem-key';
  let garbage: string;
  beforeAll(() => {
    garbage = join(pki.dir, 'garbage.pem');
    writeFileSync(garbage, `${SECRET_TEXT}\n`);
  });

  test.each([
    [
      'a CA file without a certificate',
      'IDFLOW_CA_FILE',
      () => ({ IDFLOW_CA_FILE: garbage }),
      /garbage\.pem.*holds no PEM certificate/,
    ],
    [
      'a certificate file without a certificate',
      'IDFLOW_CERT_FILE',
      () => ({ IDFLOW_CERT_FILE: garbage, IDFLOW_KEY_FILE: pki.client.keyFile }),
      /garbage\.pem.*holds no PEM certificate/,
    ],
    [
      'a key file without a key',
      'IDFLOW_KEY_FILE',
      () => ({ IDFLOW_CERT_FILE: pki.client.certFile, IDFLOW_KEY_FILE: garbage }),
      /garbage\.pem.*is not a PEM private key/,
    ],
    [
      'a key that is not the certificate’s',
      'IDFLOW_KEY_FILE',
      () => ({ IDFLOW_CERT_FILE: pki.client.certFile, IDFLOW_KEY_FILE: pki.stranger.keyFile }),
      /stranger\.key.*does not belong to the certificate in .*client\.pem/,
    ],
    [
      'a file that does not exist',
      'IDFLOW_CA_FILE',
      () => ({ IDFLOW_CA_FILE: join(pki.dir, 'missing.pem') }),
      /missing\.pem.*does not exist/,
    ],
    [
      'a certificate without its key',
      'IDFLOW_KEY_FILE',
      () => ({ IDFLOW_CERT_FILE: pki.client.certFile }),
      /IDFLOW_KEY_FILE.*IDFLOW_CERT_FILE/,
    ],
    [
      '--insecure’s variable set to a word',
      'IDFLOW_INSECURE_TLS',
      () => ({ IDFLOW_INSECURE_TLS: 'maybe' }),
      /IDFLOW_INSECURE_TLS.*"maybe"/,
    ],
  ])('%s (%s)', (_label, variable, env, message) => {
    let error: unknown;
    try {
      tlsSettingsFromEnvironment(env());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).message).not.toContain(SECRET_TEXT);
    for (const line of pemBodyLines(pki.client.key))
      expect((error as ConfigError).message).not.toContain(line);
  });
});
