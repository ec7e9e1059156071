import { ConfigError } from '../errors/config-error.ts';
import { readCapped } from '../files/read-capped.ts';

/** Largest env file read: far above any real one; a device (`/dev/zero`) or FIFO stops here. */
export const MAX_ENV_FILE_BYTES = 1024 * 1024;

function unreadable(file: string, error: unknown): ConfigError {
  const code = (error as { code?: unknown }).code;
  const reason =
    code === 'ENOENT'
      ? 'does not exist'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : `cannot be read (${typeof code === 'string' ? code : 'unknown error'})`;
  return new ConfigError({
    code: 'CONFIG_FILE',
    message: `The env file ${file} ${reason}. Pass a dotenv file or a Postman environment export to --env.`,
    file,
    cause: error,
  });
}

/**
 * Reads an env file as UTF-8 (without a BOM), at most {@link MAX_ENV_FILE_BYTES}; throws
 * ConfigError `CONFIG_FILE` naming the file when it cannot be read or is larger.
 */
export function readEnvFile(file: string): string {
  let content: Buffer | undefined;
  try {
    content = readCapped(file, MAX_ENV_FILE_BYTES);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (content === undefined) {
    throw new ConfigError({
      code: 'CONFIG_FILE',
      message:
        `The env file ${file} is larger than 1 MiB (${MAX_ENV_FILE_BYTES} bytes), the most idflow ` +
        `reads; an env file holds a few variables. Pass a dotenv file or a Postman environment ` +
        `export to --env.`,
      file,
    });
  }
  return content.toString('utf8').replace(/^\uFEFF/, '');
}
