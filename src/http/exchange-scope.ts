import { AsyncLocalStorage } from 'node:async_hooks';
import type { Exchange } from './types.ts';

/** Receives a redacted copy of an exchange. Must not throw. */
export type ExchangeSink = (exchange: Exchange) => void;

const scope = new AsyncLocalStorage<ExchangeSink>();

/**
 * Runs `work` with every exchange any client sends on its behalf (a token refresh the keeper makes
 * for it included) reported to `sink`, as redacted copies. Concurrent calls each see only their
 * own: this is how a report knows which step or probe sent what.
 */
export function withExchangeSink<T>(sink: ExchangeSink, work: () => T): T {
  return scope.run(sink, work);
}

/** The sink of the work now running, if any. */
export function currentExchangeSink(): ExchangeSink | undefined {
  return scope.getStore();
}
