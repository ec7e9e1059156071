import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PEM certificate with its key, as files and as text. */
export interface Issued {
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: string;
  readonly key: string;
}

/** A throwaway PKI made with the openssl CLI in a temp folder, for one test file. */
export interface TestPki {
  readonly dir: string;
  /** The CA that signs the server and the client certificate. */
  readonly caFile: string;
  readonly ca: string;
  /** `localhost` and `127.0.0.1`, signed by the CA. */
  readonly server: Issued;
  /** A client certificate signed by the CA (`clientAuth`). */
  readonly client: Issued;
  /** A client certificate from another CA, which a server trusting only `ca` refuses. */
  readonly stranger: Issued;
  /** The client key encrypted with {@link TestPki.passphrase}. */
  readonly encryptedClientKeyFile: string;
  readonly passphrase: string;
}

const OPENSSL = '/usr/bin/openssl';

function openssl(dir: string, args: readonly string[]): void {
  execFileSync(OPENSSL, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function selfSignedCa(dir: string, name: string): void {
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '2',
    '-subj',
    `/CN=idflow ${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

function issue(dir: string, name: string, ca: string, extensions: string): Issued {
  openssl(dir, [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=idflow ${name}`,
  ]);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-days',
    '2',
    '-extfile',
    `${name}.ext`,
  ]);
  const [certFile, keyFile] = [join(dir, `${name}.pem`), join(dir, `${name}.key`)];
  return { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

/** Makes a CA, a server certificate, a client certificate and a stranger's client certificate. */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'idflow-pki-'));
  selfSignedCa(dir, 'ca');
  selfSignedCa(dir, 'other-ca');
  const server = issue(
    dir,
    'server',
    'ca',
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  const client = issue(dir, 'client', 'ca', 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
  const stranger = issue(
    dir,
    'stranger',
    'other-ca',
    'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n',
  );
  const passphrase = 'pki-passphrase-4-tests';
  openssl(dir, [
    'pkey',
    '-in',
    'client.key',
    '-aes256',
    '-passout',
    `pass:${passphrase}`,
    '-out',
    'client-encrypted.key',
  ]);
  const caFile = join(dir, 'ca.pem');
  return {
    dir,
    caFile,
    ca: readFileSync(caFile, 'utf8'),
    server,
    client,
    stranger,
    encryptedClientKeyFile: join(dir, 'client-encrypted.key'),
    passphrase,
  };
}

/** The base64 lines of a PEM block, without its armour: what a leak of the key would show. */
export function pemBodyLines(pem: string): string[] {
  return pem
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('-----'));
}
