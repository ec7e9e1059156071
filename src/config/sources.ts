/** `source` of variables read from the process environment only. */
export const PROCESS_ENVIRONMENT_SOURCE = 'process environment';
/** `source` of the configuration the embedded emulator provides. */
export const EMBEDDED_EMULATOR_SOURCE = 'embedded emulator';

const POSTMAN_PREFIX = 'postman environment ';

/** `source` of variables read from a Postman environment export. */
export function postmanSource(file: string): string {
  return `${POSTMAN_PREFIX}${file}`;
}

/** Where variables came from, decoded from a `source` string. */
export type SourceKind =
  | { kind: 'process' }
  | { kind: 'emulator' }
  | { kind: 'postman'; file: string }
  | { kind: 'dotenv'; file: string };

/** Decodes a `source` string built by the loader. */
export function sourceKind(source: string): SourceKind {
  if (source === PROCESS_ENVIRONMENT_SOURCE) return { kind: 'process' };
  if (source === EMBEDDED_EMULATOR_SOURCE) return { kind: 'emulator' };
  if (source.startsWith(POSTMAN_PREFIX))
    return { kind: 'postman', file: source.slice(POSTMAN_PREFIX.length) };
  return { kind: 'dotenv', file: source };
}
