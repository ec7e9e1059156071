import { replaceFile } from './replace-file.ts';

/** Dotenv text for a set of variables, with a header saying where it came from. */
export function dotenvText(variables: Record<string, string>, header: string): string {
  const lines = header.split('\n').map((line) => `# ${line}`);
  for (const [name, value] of Object.entries(variables)) lines.push(`${name}=${JSON.stringify(value)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the file owner-readable only (0600), whether or not it existed (see replaceFile). A
 * symbolic link is refused.
 */
export function writeEnvFile(file: string, text: string): void {
  replaceFile(file, text, { mode: 0o600, option: '--env-out', what: 'client secrets' });
}
