import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { ConfigError } from '../errors/config-error.ts';
import {
  CA_FILE_VARIABLE,
  CERT_FILE_VARIABLE,
  INSECURE_TLS_VARIABLE,
  KEY_FILE_VARIABLE,
  KEY_PASSPHRASE_VARIABLE,
} from '../process/run-variables.ts';
import { registerSecret } from '../redact/secrets.ts';
import { readCapped } from '../files/read-capped.ts';
import {
  MAX_KEY_BYTES,
  certificatesIn,
  checkPrivateKey,
  named,
  pemProblem,
  readPemText,
  type PemSource,
} from './pem-files.ts';

/** What one kind of TLS connection is opened with (spread into undici's connector options). */
export interface TlsConnectOptions {
  readonly secureContext?: SecureContext;
  readonly rejectUnauthorized?: boolean;
}

/** The TLS side of every connection the client opens. */
export interface TlsSettings {
  /** Connections to an origin, direct or inside a proxy's CONNECT tunnel: CAs, client certificate, verification. */
  readonly origin: TlsConnectOptions;
  /** The connection to an https:// proxy itself: the same CAs and verification, no client certificate. */
  readonly proxy: TlsConnectOptions;
  /** A client certificate is presented to a server that asks for one. */
  readonly clientCertificate: boolean;
  /** Servers' certificates are not verified (`--insecure`). */
  readonly insecure: boolean;
}

/** Node's defaults: its trusted CAs, no client certificate, verification on. */
export const DEFAULT_TLS: TlsSettings = { origin: {}, proxy: {}, clientCertificate: false, insecure: false };

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

function insecureSetting(env: NodeJS.ProcessEnv): boolean {
  const value = setting(env, INSECURE_TLS_VARIABLE)?.trim().toLowerCase();
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new ConfigError({
    code: 'CONFIG_INVALID',
    variable: INSECURE_TLS_VARIABLE,
    example: `${INSECURE_TLS_VARIABLE}=1`,
    message: `${INSECURE_TLS_VARIABLE} must be 1, true, 0 or false, got "${env[INSECURE_TLS_VARIABLE]}".`,
  });
}

/** The certificates of the `NODE_EXTRA_CA_CERTS` file, which Node trusts unless `ca` is given. */
function nodeExtraCertificates(env: NodeJS.ProcessEnv): string[] {
  const file = setting(env, 'NODE_EXTRA_CA_CERTS');
  if (file === undefined) return [];
  try {
    const text = readCapped(file, 4 * 1024 * 1024)?.toString('utf8') ?? '';
    return text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  } catch {
    // Node warned about it when it started.
    return [];
  }
}

/**
 * What a connection given `extra` CAs trusts: Node's bundled roots, the `NODE_EXTRA_CA_CERTS`
 * file's certificates, then `extra`. A TLS `ca` option *replaces* Node's trusted CAs, so `--ca`
 * adds to them by naming them all, as curl's --cacert does not and NODE_EXTRA_CA_CERTS does.
 */
export function trustedCertificates(env: NodeJS.ProcessEnv, extra: readonly string[] = []): string[] {
  return [...rootCertificates, ...nodeExtraCertificates(env), ...extra];
}

/**
 * A private key's text is a secret: registered whole, as its base64 body, and line by line (a
 * line of 16 or more characters), before anything parses it.
 */
function registerPrivateKey(text: string): void {
  registerSecret(text);
  const body = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^[A-Za-z0-9+/=]+$/.test(line));
  registerSecret(body.join(''));
  registerSecret(body.join('\n'));
  for (const line of body) if (line.length >= 16) registerSecret(line);
}

interface ClientCertificate {
  readonly cert: string;
  readonly key: string;
  readonly passphrase: string | undefined;
}

function clientCertificate(env: NodeJS.ProcessEnv): ClientCertificate | undefined {
  const certFile = setting(env, CERT_FILE_VARIABLE);
  const keyFile = setting(env, KEY_FILE_VARIABLE);
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    const [missing, present] =
      certFile === undefined
        ? [CERT_FILE_VARIABLE, KEY_FILE_VARIABLE]
        : [KEY_FILE_VARIABLE, CERT_FILE_VARIABLE];
    throw new ConfigError({
      code: 'CONFIG_MISSING',
      variable: missing,
      message: `${missing} is not set, but ${present} is: a client certificate needs its key (--cert FILE --key FILE).`,
    });
  }
  const passphrase = setting(env, KEY_PASSPHRASE_VARIABLE);
  registerSecret(passphrase);
  const keySource: PemSource = {
    what: 'client key',
    file: keyFile,
    option: '--key',
    variable: KEY_FILE_VARIABLE,
  };
  const key = readPemText(keySource, MAX_KEY_BYTES);
  registerPrivateKey(key);
  checkPrivateKey(key, keySource, passphrase, KEY_PASSPHRASE_VARIABLE);
  const certSource: PemSource = {
    what: 'client certificate',
    file: certFile,
    option: '--cert',
    variable: CERT_FILE_VARIABLE,
  };
  const cert = certificatesIn(readPemText(certSource), certSource).join('\n');
  try {
    createSecureContext({ cert, key, ...(passphrase === undefined ? {} : { passphrase }) });
  } catch {
    throw pemProblem(keySource, `does not belong to the certificate in ${certFile} (${named(certSource)}).`);
  }
  return { cert, key, passphrase };
}

/**
 * The TLS settings in `IDFLOW_CA_FILE`, `IDFLOW_CERT_FILE` + `IDFLOW_KEY_FILE` (with
 * `IDFLOW_KEY_PASSPHRASE`) and `IDFLOW_INSECURE_TLS` (see src/process/run-variables.ts), read and
 * checked now: a file that cannot be used is a ConfigError naming it and its variable, never its
 * content. The key and the passphrase are secrets from the moment they are read.
 */
export function tlsSettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): TlsSettings {
  const insecure = insecureSetting(env);
  const client = clientCertificate(env);
  const caFile = setting(env, CA_FILE_VARIABLE);
  const caSource: PemSource | undefined =
    caFile === undefined
      ? undefined
      : { what: 'CA file', file: caFile, option: '--ca', variable: CA_FILE_VARIABLE };
  const ca =
    caSource === undefined
      ? undefined
      : trustedCertificates(env, certificatesIn(readPemText(caSource), caSource));
  const verification = insecure ? { rejectUnauthorized: false } : {};
  const originContext =
    ca === undefined && client === undefined
      ? undefined
      : createSecureContext({
          ...(ca === undefined ? {} : { ca }),
          ...(client === undefined
            ? {}
            : {
                cert: client.cert,
                key: client.key,
                ...(client.passphrase === undefined ? {} : { passphrase: client.passphrase }),
              }),
        });
  return {
    origin: { ...(originContext === undefined ? {} : { secureContext: originContext }), ...verification },
    proxy: { ...(ca === undefined ? {} : { secureContext: createSecureContext({ ca }) }), ...verification },
    clientCertificate: client !== undefined,
    insecure,
  };
}
