import { ConfigError } from '../errors/config-error.ts';
import { POSTMAN_KEYS } from './postman-keys.ts';

const DEFAULT_TLD = 'com';

function invalid(file: string, what: string): ConfigError {
  return new ConfigError({
    code: 'CONFIG_FILE',
    message: `${file} is not a Postman environment export: ${what}. Export one from Postman (Environments > … > Export) or pass a dotenv file.`,
    file,
  });
}

/** Line and column of a JSON syntax error, from V8's "at position N"; never the text around it. */
function syntaxErrorPlace(error: unknown, text: string): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return 'its JSON is malformed';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `its JSON is malformed at line ${line}, column ${column}`;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalid(file, syntaxErrorPlace(error, text));
  }
}

/** The enabled, non-empty values of the export, by key. */
function enabledValues(document: unknown, file: string): Record<string, string> {
  const values =
    document !== null && typeof document === 'object' ? (document as { values?: unknown }).values : undefined;
  if (!Array.isArray(values)) throw invalid(file, 'it has no "values" array');
  const result: Record<string, string> = {};
  values.forEach((entry: unknown, index) => {
    if (entry === null || typeof entry !== 'object') throw invalid(file, `values[${index}] is not an object`);
    const { key, value, enabled } = entry as { key?: unknown; value?: unknown; enabled?: unknown };
    if (typeof key !== 'string' || key === '') throw invalid(file, `values[${index}] has no "key"`);
    if (enabled === false || value === undefined || value === null) return;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw invalid(file, `the value of "${key}" is not a string`);
    }
    const text = String(value).trim();
    if (text !== '') result[key] = text;
  });
  return result;
}

/**
 * Reads a Postman environment export (`{ name, values: [{ key, value, enabled }] }`) into idflow
 * variables: the PingOne template keys (`apiPath`, `adminAppID`, …) are mapped, `{{tld}}` is
 * filled from `tld` (default `com`), PINGONE_* keys are taken as is and win over mapped ones,
 * disabled and empty values are ignored. Throws ConfigError `CONFIG_FILE` naming the file.
 */
export function parsePostmanEnvironment(text: string, file: string): Record<string, string> {
  const values = enabledValues(parseJson(text, file), file);
  const tld = values.tld ?? DEFAULT_TLD;
  const variables: Record<string, string> = {};
  for (const [key, name] of Object.entries(POSTMAN_KEYS)) {
    const value = values[key];
    if (value !== undefined) variables[name] = value.replaceAll('{{tld}}', tld);
  }
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith('PINGONE_')) variables[key] = value;
  }
  return variables;
}
