import { closeSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../errors/config-error.ts';

/** Dotenv text for a set of variables, with a header saying where it came from. */
export function dotenvText(variables: Record<string, string>, header: string): string {
  const lines = header.split('\n').map((line) => `# ${line}`);
  for (const [name, value] of Object.entries(variables)) lines.push(`${name}=${JSON.stringify(value)}`);
  return `${lines.join('\n')}\n`;
}

function cannotWrite(file: string, reason: string, cause?: unknown): ConfigError {
  return new ConfigError({
    code: 'CONFIG_FILE',
    file,
    message: `cannot write --env-out file ${file}: ${reason}. Choose a writable path.`,
    cause,
  });
}

/** Refuses a symbolic link: the secrets would land in whatever file it names. */
function refuseSymlink(file: string): void {
  try {
    if (lstatSync(file).isSymbolicLink()) {
      throw new ConfigError({
        code: 'CONFIG_FILE',
        file,
        message: `--env-out ${file} is a symbolic link; idflow writes client secrets only to a plain file path it can replace. Remove the link or choose another path.`,
      });
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // Not there yet (or not inspectable): the write below decides.
  }
}

/**
 * Writes the file owner-readable only (0600), whether or not it existed: the text goes to a
 * new temporary file created 0600 beside it, which then replaces it, because a mode given to
 * `writeFileSync` applies only when the file is created. A symbolic link is refused.
 */
export function writeEnvFile(file: string, text: string): void {
  refuseSymlink(file);
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw cannotWrite(file, (error as NodeJS.ErrnoException).code ?? String(error), error);
  }
}
