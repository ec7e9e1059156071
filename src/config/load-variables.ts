import { parseDotenvFile } from './dotenv-file.ts';
import { parsePostmanEnvironment, type PostmanVocabulary } from './postman-environment.ts';
import { readEnvFile } from './read-env-file.ts';
import { PROCESS_ENVIRONMENT_SOURCE, postmanSource } from './sources.ts';

/** Where to read variables from. */
export interface LoadVariablesOptions {
  /** A dotenv file or a Postman environment export (`.json`, or any file starting with `{`). */
  envFile?: string;
  /** The process environment, usually `process.env`. */
  env: Record<string, string | undefined>;
  /** The targets whose variables a Postman export may hold (every registered target). */
  targets: readonly PostmanVocabulary[];
}

/** Variables, and where they came from for messages. */
export interface LoadedVariables {
  variables: Record<string, string>;
  /** `process environment`, the dotenv file's path, or `postman environment <file>`. */
  source: string;
}

function isPostman(file: string, text: string): boolean {
  return file.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{');
}

/**
 * Reads variables from a dotenv file or a Postman environment export, merged with the process
 * environment: a non-empty process variable wins (dotenv convention); an empty one does not
 * blank out the file's value. Throws ConfigError `CONFIG_FILE` for an unreadable or malformed
 * file, naming it (and, for dotenv, the line). Values are never echoed in messages.
 */
export function loadVariables(options: LoadVariablesOptions): LoadedVariables {
  const fromProcess: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env)) {
    if (value !== undefined && value !== '') fromProcess[name] = value;
  }
  if (options.envFile === undefined) return { variables: fromProcess, source: PROCESS_ENVIRONMENT_SOURCE };

  const file = options.envFile;
  const text = readEnvFile(file);
  const postman = isPostman(file, text);
  const fromFile = postman
    ? parsePostmanEnvironment(text, file, options.targets)
    : parseDotenvFile(text, file);
  return {
    variables: { ...fromFile, ...fromProcess },
    source: postman ? postmanSource(file) : file,
  };
}
