import { createRequire } from 'node:module';

/** What these tests read of a Newman run summary (newman ships no types). */
export interface NewmanSummary {
  readonly run: {
    readonly stats: {
      readonly requests: { readonly total: number; readonly failed: number };
      readonly assertions: { readonly total: number; readonly failed: number };
      readonly prerequestScripts: { readonly failed: number };
      readonly testScripts: { readonly failed: number };
    };
    readonly executions: ReadonlyArray<{
      readonly item: { readonly name: string };
      readonly response?: { readonly code: number };
      readonly requestError?: { readonly message: string };
      readonly assertions?: ReadonlyArray<{
        readonly assertion: string;
        readonly skipped?: boolean;
        readonly error?: { readonly message: string };
      }>;
    }>;
    readonly failures: ReadonlyArray<{
      readonly error: { readonly name: string; readonly message: string; readonly test?: string };
      readonly source?: { readonly name?: string };
      readonly at?: string;
    }>;
  };
}

interface Newman {
  run(
    options: { collection: unknown; environment?: unknown; reporters: string[]; timeoutRequest?: number },
    done: (error: Error | null, summary: NewmanSummary) => void,
  ): void;
}

const newman = createRequire(import.meta.url)('newman') as Newman;

/** Runs a collection with Newman's Node API, no reporter: the summary is what the test judges. */
export function runNewman(collection: unknown, environment: unknown): Promise<NewmanSummary> {
  return new Promise((done, fail) => {
    newman.run({ collection, environment, reporters: [], timeoutRequest: 10_000 }, (error, summary) =>
      error ? fail(error) : done(summary),
    );
  });
}

/** Failures as `item → test: message` lines, for an assertion's message. */
export function failureLines(summary: NewmanSummary): string[] {
  return summary.run.failures.map(
    (failure) =>
      `${failure.source?.name ?? '?'} → ${failure.error.test ?? failure.at ?? failure.error.name}: ${failure.error.message}`,
  );
}

/** The names of a collection's requests, its folders walked in order. */
export function requestNames(collection: unknown): string[] {
  const walk = (node: { name?: string; item?: unknown[]; request?: unknown }): string[] =>
    node.request ? [node.name ?? ''] : (node.item ?? []).flatMap((child) => walk(child as typeof node));
  return walk(collection as { item?: unknown[] });
}
