import { resolve } from 'node:path';
import { createSecureContext } from 'node:tls';
import type { EmulatorTls } from '../emulator/http/server.ts';
import {
  MAX_KEY_BYTES,
  certificatesIn,
  checkPrivateKey,
  named,
  pemProblem,
  readPemText,
  type PemSource,
} from '../http/pem-files.ts';
import { UsageError } from './usage-error.ts';

/**
 * `idflow emulator --tls-cert FILE --tls-key FILE`: the emulator serves https:// with that
 * certificate, so a client's `--ca`, `--cert`/`--key` and `--insecure` can be tried offline. One
 * without the other is a usage error; a file that cannot be used is a configuration error naming
 * it (exit 2), never showing its content.
 */
export function emulatorTlsOption(
  certFile: string | undefined,
  keyFile: string | undefined,
): EmulatorTls | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) {
    const missing = certFile === undefined ? '--tls-cert' : '--tls-key';
    throw new UsageError(`${missing} is missing: serving https:// needs --tls-cert FILE and --tls-key FILE.`);
  }
  const certSource: PemSource = { what: 'certificate', file: resolve(certFile), option: '--tls-cert' };
  const keySource: PemSource = { what: 'key', file: resolve(keyFile), option: '--tls-key' };
  const key = readPemText(keySource, MAX_KEY_BYTES);
  checkPrivateKey(key, keySource, undefined);
  const cert = certificatesIn(readPemText(certSource), certSource).join('\n');
  try {
    createSecureContext({ cert, key });
  } catch {
    throw pemProblem(
      keySource,
      `does not belong to the certificate in ${certSource.file} (${named(certSource)}).`,
    );
  }
  return { cert, key };
}
