import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors/config-error.ts';

/** Reads an env file as UTF-8 (without a BOM), or throws ConfigError `CONFIG_FILE` naming it. */
export function readEnvFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : `cannot be read (${typeof code === 'string' ? code : 'unknown error'})`;
    throw new ConfigError({
      code: 'CONFIG_FILE',
      message: `The env file ${file} ${reason}. Pass a dotenv file or a Postman environment export to --env.`,
      file,
      cause: error,
    });
  }
}
