import { X509Certificate, createPrivateKey } from 'node:crypto';
import { ConfigError } from '../errors/config-error.ts';
import { readCapped } from '../files/read-capped.ts';

/** A PEM file named by an option and the variable that carries it. */
export interface PemSource {
  /** `CA file`, `client certificate`, `client key`. */
  readonly what: string;
  readonly file: string;
  /** `--ca`. */
  readonly option: string;
  /** `IDFLOW_CA_FILE`, when a variable carries it too. */
  readonly variable?: string;
}

/** Largest PEM file read: a system CA bundle is a few hundred KiB; a device or FIFO stops here. */
const MAX_PEM_BYTES = 4 * 1024 * 1024;

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const ENCRYPTED_KEY = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,\s*ENCRYPTED/;

/** `The CA file /x/ca.pem (--ca, IDFLOW_CA_FILE)`. */
export function named(source: PemSource): string {
  const names = source.variable === undefined ? source.option : `${source.option}, ${source.variable}`;
  return `The ${source.what} ${source.file} (${names})`;
}

/** OpenSSL's reason without its `error:0680007B:` prefix: never any of the file's content. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n', 1)[0] ?? '').replace(/^error:[0-9A-F]+:/, '');
}

/** ConfigError `CONFIG_FILE` about `source`: names the file and the variable, never the content. */
export function pemProblem(source: PemSource, problem: string): ConfigError {
  return new ConfigError({
    code: 'CONFIG_FILE',
    ...(source.variable === undefined ? {} : { variable: source.variable }),
    file: source.file,
    message: `${named(source)} ${problem}`,
  });
}

/** Largest private key file read: a key is a few KiB, and all of a key file is a secret to register. */
export const MAX_KEY_BYTES = 64 * 1024;

/** The file's text, at most `maxBytes` (4 MiB); ConfigError naming it when it cannot be read. */
export function readPemText(source: PemSource, maxBytes: number = MAX_PEM_BYTES): string {
  let content: Buffer | undefined;
  try {
    content = readCapped(source.file, maxBytes);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw pemProblem(
      source,
      code === 'ENOENT'
        ? 'does not exist.'
        : code === 'EISDIR'
          ? 'is a directory, not a PEM file.'
          : `cannot be read (${typeof code === 'string' ? code : 'unknown error'}).`,
    );
  }
  if (content === undefined)
    throw pemProblem(source, `is larger than ${maxBytes / 1024} KiB, the most idflow reads for it.`);
  return content.toString('utf8');
}

/** Every certificate block of a PEM text, each checked to parse; ConfigError naming the file otherwise. */
export function certificatesIn(text: string, source: PemSource): string[] {
  const blocks = text.match(CERTIFICATE_BLOCK) ?? [];
  if (blocks.length === 0)
    throw pemProblem(source, 'holds no PEM certificate (a "-----BEGIN CERTIFICATE-----" block).');
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw pemProblem(
        source,
        `holds a certificate (number ${index + 1}) that cannot be read: ${reason(error)}.`,
      );
    }
  });
  return blocks;
}

/**
 * Checks that a PEM text holds a private key that opens (with `passphrase` when it is
 * encrypted); ConfigError naming the file and, for a passphrase, `passphraseVariable` (without
 * one, an encrypted key is refused).
 */
export function checkPrivateKey(
  text: string,
  source: PemSource,
  passphrase: string | undefined,
  passphraseVariable?: string,
): void {
  const encrypted = ENCRYPTED_KEY.test(text);
  if (encrypted && passphrase === undefined)
    throw pemProblem(
      source,
      passphraseVariable === undefined
        ? 'is encrypted; pass an unencrypted key.'
        : `is encrypted: set its passphrase in ${passphraseVariable}.`,
    );
  try {
    createPrivateKey({ key: text, format: 'pem', ...(passphrase === undefined ? {} : { passphrase }) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (encrypted && code === 'ERR_OSSL_BAD_DECRYPT')
      throw pemProblem(source, `does not open with the passphrase in ${passphraseVariable}.`);
    throw pemProblem(source, `is not a PEM private key idflow can read (${reason(error)}).`);
  }
}
