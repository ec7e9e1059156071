/**
 * Vitest setup file of the target projects: the redaction gate between a suite's worker and
 * vitest's main process. The worker is the only process that knows the run's tokens (it
 * captured them), while the reporters run in the main process, so whatever the worker sends
 * there is redacted on the way out: test results with their serialized errors (message,
 * `cause`, `results`, `evidence`, `expected`/`actual`, diffs), skip reasons, annotations,
 * console output and unhandled errors. Every reporter, console or file, then only ever sees
 * redacted data. The worker's own stdout and stderr are gated as well.
 *
 * Vitest has no public hook on that channel; its worker keeps the channel in the worker state
 * (`globalThis.__vitest_worker__.rpc`) and reads it there on every call, so the gate wraps it.
 * If a vitest upgrade moves it, this file throws rather than let a run report unredacted.
 */
import { gateProcessOutput } from '../redact/output-gate.ts';
import { redactValue } from '../redact/secrets.ts';

/** The worker-to-main calls that carry anything a reporter prints or writes. */
const OUTGOING = new Set([
  'onCollected',
  'onTaskUpdate',
  'onTaskArtifactRecord',
  'onUserConsoleLog',
  'onUnhandledError',
]);

type Call = ((...args: unknown[]) => unknown) & { asEvent?: (...args: unknown[]) => unknown };

interface WorkerState {
  rpc: object;
}

const REGISTRY = Symbol.for('idflow.redacted-rpcs');

function gatedChannels(): WeakSet<object> {
  const global = globalThis as typeof globalThis & { [REGISTRY]?: WeakSet<object> };
  global[REGISTRY] ??= new WeakSet();
  return global[REGISTRY];
}

function redacting(call: Call): Call {
  const gated: Call = (...args) => call(...args.map((arg) => redactValue(arg)));
  if (call.asEvent) {
    const event = call.asEvent;
    gated.asEvent = (...args) => event(...args.map((arg) => redactValue(arg)));
  }
  return gated;
}

function workerState(): WorkerState {
  const state = (globalThis as Record<string, unknown>).__vitest_worker__ as Partial<WorkerState> | undefined;
  if (state === undefined || typeof state.rpc !== 'object' || state.rpc === null) {
    throw new Error(
      'idflow: cannot find the vitest worker channel to redact what it reports (was vitest upgraded?)',
    );
  }
  return state as WorkerState;
}

/** Wraps the worker's channel to the main process so every outgoing report is redacted. Idempotent. */
export function gateWorkerReports(): void {
  const state = workerState();
  const gated = gatedChannels();
  if (gated.has(state.rpc)) return;
  const proxy = new Proxy(state.rpc, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof key === 'string' && OUTGOING.has(key) && typeof value === 'function'
        ? redacting(value as Call)
        : value;
    },
  });
  gated.add(proxy);
  state.rpc = proxy;
}

gateProcessOutput();
gateWorkerReports();
