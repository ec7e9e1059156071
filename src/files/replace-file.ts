import { closeSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../errors/config-error.ts';

/** Refuses a symbolic link: what idflow writes would land in whatever file it names. */
function refuseSymlink(file: string, option: string, what: string): void {
  try {
    if (lstatSync(file).isSymbolicLink()) {
      throw new ConfigError({
        code: 'CONFIG_FILE',
        file,
        message:
          `${option} ${file} is a symbolic link; idflow writes ${what} only to a plain file path ` +
          `it can replace. Remove the link or choose another path.`,
      });
    }
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // Not there yet (or not inspectable): the write decides.
  }
}

/**
 * Writes `text` to `file` with `mode`, whether or not it existed: the text goes to a new
 * temporary file created with that mode beside it, which then replaces it (a mode given to
 * `writeFileSync` applies only when the file is created, and a reader never sees half a file).
 * A symbolic link is refused; a failure names `option` and leaves no temporary file.
 */
export function replaceFile(
  file: string,
  text: string,
  options: { readonly mode: number; readonly option: string; readonly what: string },
): void {
  refuseSymlink(file, options.option, options.what);
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', options.mode);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new ConfigError({
      code: 'CONFIG_FILE',
      file,
      message:
        `cannot write ${options.option} file ${file}: ` +
        `${(error as NodeJS.ErrnoException).code ?? String(error)}. Choose a writable path.`,
      cause: error,
    });
  }
}
