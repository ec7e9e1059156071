import { runInNewContext } from 'node:vm';
import { HELPERS_SOURCE, HELPERS_VARIABLE } from '../../src/export/helpers-script.ts';

/** One `pm.test` as a script recorded it. */
export interface RecordedTest {
  readonly name: string;
  readonly passed: boolean;
  readonly error?: string;
}

/** The response a stub script sees. */
export interface StubResponse {
  readonly code: number;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a script did: its tests, the variables it set, whether it skipped its request. */
export interface StubOutcome {
  readonly tests: RecordedTest[];
  readonly collection: Map<string, unknown>;
  readonly local: Map<string, unknown>;
  readonly skipped: boolean;
  /** What `pm.execution.setNextRequest` was given, if called. */
  readonly next?: string | null;
  /** The waits the script asked for with `setTimeout`, in ms. */
  readonly waits: number[];
}

/**
 * Runs a generated script in node's vm with the part of Postman's `pm` the scripts use, the
 * helpers stored in the collection variable as the export stores them; `require` is refused,
 * so a script that needs the sandbox's ajv or crypto-js runs through Newman instead.
 */
export function runScript(
  lines: readonly string[],
  options: {
    variables?: Record<string, unknown>;
    response?: StubResponse;
    /** Collection variables set before the script runs (a run's earlier state). */
    collection?: Record<string, unknown>;
  } = {},
): StubOutcome {
  const tests: RecordedTest[] = [];
  const collection = new Map<string, unknown>([
    [HELPERS_VARIABLE, HELPERS_SOURCE],
    ...Object.entries(options.collection ?? {}),
  ]);
  let next: string | null | undefined;
  const waits: number[] = [];
  const local = new Map<string, unknown>();
  const environment = new Map<string, unknown>();
  let skipped = false;
  const response = options.response;
  const lookup = (name: string): unknown =>
    local.get(name) ?? environment.get(name) ?? collection.get(name) ?? options.variables?.[name];
  const headers = new Map(
    Object.entries(response?.headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
  );
  const pm = {
    test(name: string, body: () => void) {
      try {
        body();
        tests.push({ name, passed: true });
      } catch (error) {
        tests.push({ name, passed: false, error: (error as Error).message });
      }
    },
    variables: { get: lookup, set: (name: string, value: unknown) => local.set(name, value) },
    collectionVariables: {
      get: (name: string) => collection.get(name),
      set: (name: string, value: unknown) => collection.set(name, value),
      unset: (name: string) => collection.delete(name),
    },
    info: { requestId: 'the-request-id' },
    environment: {
      has: (name: string) => environment.has(name),
      get: (name: string) => environment.get(name),
      unset: (name: string) => environment.delete(name),
    },
    execution: {
      skipRequest: () => (skipped = true),
      setNextRequest: (request: string | null) => (next = request),
    },
    response: response && {
      code: response.code,
      json: () => {
        if (response.json === undefined) throw new Error('not JSON');
        return response.json;
      },
      text: () => (response.json === undefined ? '' : JSON.stringify(response.json)),
      headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    },
  };
  runInNewContext(lines.join('\n'), {
    pm,
    console: { log: () => undefined },
    setTimeout: (_callback: () => void, ms: number) => waits.push(ms),
    require: (name: string) => {
      throw new Error(`require('${name}') is the Postman sandbox's, not available in this stub`);
    },
  });
  return { tests, collection, local, skipped, waits, ...(next === undefined ? {} : { next }) };
}
