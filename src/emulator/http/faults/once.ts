import { serverScoped } from '../server-state.ts';
import type { EmulatorRequest } from '../types.ts';

/**
 * Whether this is the first request (per server) with this `key` under `memory`; records it.
 * The shape of every "misbehave once, then serve normally" fault.
 */
export function firstTime(req: EmulatorRequest, memory: symbol, key: string): boolean {
  const seen = serverScoped(req, memory, () => new Set<string>());
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}
