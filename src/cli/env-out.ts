import { writeFileSync } from 'node:fs';
import { ConfigError } from '../errors/config-error.ts';

/** Dotenv text for a set of variables, with a header saying where it came from. */
export function dotenvText(variables: Record<string, string>, header: string): string {
  const lines = header.split('\n').map((line) => `# ${line}`);
  for (const [name, value] of Object.entries(variables)) lines.push(`${name}=${JSON.stringify(value)}`);
  return `${lines.join('\n')}\n`;
}

/** Writes the file owner-readable only: it holds the emulator's client secrets. */
export function writeEnvFile(file: string, text: string): void {
  try {
    writeFileSync(file, text, { mode: 0o600 });
  } catch (error) {
    throw new ConfigError({ code: 'CONFIG_FILE', file, message: `cannot write --env-out file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Choose a writable path.`, cause: error });
  }
}
