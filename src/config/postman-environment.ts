import { ConfigError } from '../errors/config-error.ts';

/** How a target's variables appear in a Postman environment export. */
export interface PostmanVocabulary {
  /** Keys with this prefix are the target's own variables, taken as they are. */
  readonly variablePrefix: string;
  readonly postman?: {
    /** The vendor template's keys (`apiPath`) and the variables they hold (`ACME_API_URL`). */
    readonly keys: Readonly<Record<string, string>>;
    /** Values for `{{name}}` placeholders the export may leave out (`{ tld: 'com' }`). */
    readonly defaults?: Readonly<Record<string, string>>;
  };
}

function invalid(file: string, what: string): ConfigError {
  return new ConfigError({
    code: 'CONFIG_FILE',
    message:
      `${file} is not a Postman environment export: ${what}. Export one from Postman ` +
      `(Environments > … > Export) or pass a dotenv file.`,
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

/** `value` with each `{{name}}` Postman would fill from the export (or the target's defaults) filled. */
function filled(
  value: string,
  values: Record<string, string>,
  defaults: Readonly<Record<string, string>>,
): string {
  return value.replace(
    /\{\{([\w.-]+)\}\}/g,
    (placeholder, name: string) => values[name] ?? defaults[name] ?? placeholder,
  );
}

/**
 * Reads a Postman environment export (`{ name, values: [{ key, value, enabled }] }`) into idflow
 * variables, for each target: its vendor template's keys (`apiPath`, …) are mapped, with
 * `{{name}}` placeholders filled from the export or the target's defaults; keys with the
 * target's prefix are taken as is and win over mapped ones; disabled and empty values are
 * ignored. Throws ConfigError `CONFIG_FILE` naming the file.
 */
export function parsePostmanEnvironment(
  text: string,
  file: string,
  targets: readonly PostmanVocabulary[],
): Record<string, string> {
  const values = enabledValues(parseJson(text, file), file);
  const variables: Record<string, string> = {};
  for (const { postman } of targets) {
    for (const [key, name] of Object.entries(postman?.keys ?? {})) {
      const value = values[key];
      if (value !== undefined) variables[name] = filled(value, values, postman?.defaults ?? {});
    }
  }
  for (const [key, value] of Object.entries(values)) {
    if (targets.some((target) => key.startsWith(target.variablePrefix))) variables[key] = value;
  }
  return variables;
}
