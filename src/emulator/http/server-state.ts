import type { EmulatorRequest } from './types.ts';

/**
 * Returns the value stored under `key` for the server that received `req`, creating it with
 * `init` on first use. Faults are shared constants, so any memory they keep (paths already seen,
 * secrets observed) must live per server, or two emulators in one process would interfere.
 */
export function serverScoped<T>(req: EmulatorRequest, key: symbol, init: () => T): T {
  if (!req.serverState.has(key)) req.serverState.set(key, init());
  return req.serverState.get(key) as T;
}
