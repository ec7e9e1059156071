import { parse } from 'dotenv';
import { ConfigError } from '../errors/config-error.ts';

const ASSIGNMENT = /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=(.*)$/;
const QUOTES = new Set(['"', "'", '`']);

/** True when `text` holds an unescaped `quote`. */
function closes(text: string, quote: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === quote) return true;
  }
  return false;
}

function malformed(file: string, line: number, what: string): ConfigError {
  // The line itself is not shown: it may hold a secret that is not registered yet.
  return new ConfigError({
    code: 'CONFIG_FILE',
    message:
      `${file} line ${line} ${what}. Every line must be blank, a # comment, or KEY=VALUE; fix or ` +
      `remove that line.`,
    file,
  });
}

/**
 * Checks that every line is blank, a comment or KEY=VALUE (a quoted value may span lines), then
 * parses with dotenv. Throws ConfigError `CONFIG_FILE` with the line number of the first bad line.
 */
export function parseDotenvFile(text: string, file: string): Record<string, string> {
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = ASSIGNMENT.exec(line);
    if (match === null) throw malformed(file, index + 1, 'is not KEY=VALUE');
    const value = (match[1] ?? '').trimStart();
    const quote = value[0];
    if (quote === undefined || !QUOTES.has(quote) || closes(value.slice(1), quote)) continue;
    const start = index;
    do index += 1;
    while (index < lines.length && !closes(lines[index] ?? '', quote));
    if (index >= lines.length)
      throw malformed(file, start + 1, `opens a ${quote}-quoted value that is never closed`);
  }
  return parse(text);
}
