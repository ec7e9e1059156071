import { describe, expect, test } from 'vitest';
import { lerianCredentialTransport, resolveLerianConfig } from '../../src/targets/lerian-identity/config.ts';
import { pingOneCredentialTransport, resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import { ConfigError } from '../../src/errors/config-error.ts';
import { vetCredentialTransport, type ResolveAll } from '../../src/guards/transport-guard.ts';

const SECRET = 'transport-guard-secret-0b9e';
const PASSWORD = 'transport-guard-password-4c1a';

/** A resolver with fixed answers; a name it does not know fails like the system's (ENOTFOUND). */
function resolver(table: Record<string, readonly string[]>): ResolveAll & { asked: string[] } {
  const asked: string[] = [];
  const resolveAll = async (host: string) => {
    asked.push(host);
    const addresses = table[host];
    if (addresses === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses;
  };
  return Object.assign(resolveAll, { asked });
}

// Documentation addresses (RFC 5737): never contacted, the resolver is a table.
const RESOLVER = resolver({
  localhost: ['127.0.0.1', '::1'],
  'app.localhost': ['127.0.0.1'],
  'evil.localhost': ['192.0.2.66'],
  'half.localhost': ['127.0.0.1', '192.0.2.66'],
  'api.pingone.com': ['203.0.113.10'],
  'auth.pingone.com': ['203.0.113.11'],
  'proxy.example.com': ['203.0.113.12'],
  'loopback-proxy.example': ['127.0.0.5'],
});

function pingOne(apiUrl: string, authUrl: string, extra: Record<string, string> = {}) {
  const config = resolvePingOneConfig(
    {
      PINGONE_API_URL: apiUrl,
      PINGONE_AUTH_URL: authUrl,
      PINGONE_ADMIN_ENV_ID: '0f3c1b7e-6a52-4f1e-9a8b-2c4d6e8f0a1b',
      PINGONE_CLIENT_ID: '5b2f7c9d-1e3a-4b5c-8d7e-9f0a1b2c3d4e',
      PINGONE_CLIENT_SECRET: SECRET,
      ...extra,
    },
    'env/pingone.env',
  );
  if (config === undefined) throw new Error('not configured');
  return pingOneCredentialTransport(config);
}

function lerian(url: string, extra: Record<string, string> = {}) {
  const config = resolveLerianConfig(
    {
      LERIAN_AUTH_URL: url,
      LERIAN_IDENTITY_URL: url,
      LERIAN_USERNAME: 'admin',
      LERIAN_PASSWORD: PASSWORD,
      ...extra,
    },
    'env/lerian-identity.env',
  );
  if (config === undefined) throw new Error('not configured');
  return lerianCredentialTransport(config);
}

async function refusal(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as ConfigError).message;
  expect(message).not.toContain(SECRET);
  expect(message).not.toContain(PASSWORD);
  return error as ConfigError;
}

describe('https is required except to loopback addresses, decided by resolving', () => {
  test('http:// to a PingOne host is refused, naming the variable, the risk and --allow-insecure-http', async () => {
    const error = await refusal(
      vetCredentialTransport(pingOne('http://api.pingone.com/v1', 'https://auth.pingone.com'), RESOLVER),
    );
    expect(error.variable).toBe('PINGONE_API_URL');
    expect(error.message).toContain('cleartext');
    expect(error.message).toContain('203.0.113.10');
    expect(error.message).toContain('--allow-insecure-http');
  });

  test('--allow-insecure-http lets it through with a warning naming the URL and the risk', async () => {
    const transport = pingOne('http://api.pingone.com/v1', 'https://auth.pingone.com', {
      IDFLOW_ALLOW_INSECURE_HTTP: 'true',
    });
    const { warnings } = await vetCredentialTransport(transport, RESOLVER);
    expect(warnings).toEqual([expect.stringMatching(/http:\/\/api\.pingone\.com\/v1.*cleartext/)]);
  });

  test('a *.localhost name that resolves elsewhere is not loopback: refused as a foreign host', async () => {
    const error = await refusal(vetCredentialTransport(lerian('http://evil.localhost:4000'), RESOLVER));
    expect(error.variable).toBe('LERIAN_AUTH_URL');
    expect(error.message).toContain('192.0.2.66');
    expect(error.message).toContain('--allow-host evil.localhost');
    expect(error.message).toContain('LERIAN_ALLOW_HOST=evil.localhost');
  });

  test('one non-loopback address among loopback ones is enough to refuse; an unresolvable name too', async () => {
    await refusal(vetCredentialTransport(lerian('http://half.localhost:4000'), RESOLVER));
    const error = await refusal(vetCredentialTransport(lerian('http://gone.localhost:4000'), RESOLVER));
    expect(error.message).toContain('ENOTFOUND');
  });

  test('an allowed host over http:// is refused unless it resolves to loopback only', async () => {
    const refused = await refusal(
      vetCredentialTransport(
        pingOne('http://proxy.example.com/v1', 'http://proxy.example.com', {
          PINGONE_ALLOW_HOST: 'proxy.example.com',
        }),
        RESOLVER,
      ),
    );
    expect(refused.message).toContain('--allow-insecure-http');
    const local = pingOne('http://loopback-proxy.example/v1', 'http://loopback-proxy.example', {
      PINGONE_ALLOW_HOST: 'loopback-proxy.example',
    });
    expect(await vetCredentialTransport(local, RESOLVER)).toEqual({ warnings: [] });
  });

  test('loopback names and addresses pass without flags: localhost resolved, addresses judged as they are', async () => {
    const asked = resolver({ localhost: ['127.0.0.1', '::1'], 'app.localhost': ['127.0.0.1'] });
    expect(await vetCredentialTransport(lerian('http://localhost:4000'), asked)).toEqual({ warnings: [] });
    expect(await vetCredentialTransport(lerian('http://app.localhost:4000'), asked)).toEqual({
      warnings: [],
    });
    expect(
      await vetCredentialTransport(pingOne('http://127.0.0.1:9000/v1', 'http://[::1]:9000'), asked),
    ).toEqual({ warnings: [] });
    expect(asked.asked).toEqual(['localhost', 'localhost', 'app.localhost', 'app.localhost']);
  });

  test('https to the vendor host is not even resolved', async () => {
    const none = resolver({});
    await vetCredentialTransport(pingOne('https://api.pingone.eu/v1', 'https://auth.pingone.eu'), none);
    await vetCredentialTransport(lerian('https://identity.sandbox.lerian.net'), none);
    expect(none.asked).toEqual([]);
  });
});

describe('the host allowlist applies to Lerian Identity', () => {
  test('an arbitrary host is a ConfigError as the configuration is read, naming both allow options', () => {
    let error: unknown;
    try {
      lerian('https://access.example.com');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('--allow-host access.example.com');
    expect((error as ConfigError).message).toContain('LERIAN_ALLOW_HOST=access.example.com');
    expect((error as ConfigError).message).not.toContain(PASSWORD);
  });

  test('LERIAN_ALLOW_HOST allows it; alone it configures nothing', () => {
    expect(
      lerian('https://access.example.com', { LERIAN_ALLOW_HOST: 'access.example.com' }).urls[0]?.url,
    ).toBe('https://access.example.com');
    expect(
      resolveLerianConfig({ LERIAN_ALLOW_HOST: 'access.example.com' }, 'process environment'),
    ).toBeUndefined();
  });
});
