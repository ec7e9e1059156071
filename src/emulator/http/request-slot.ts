import type { EmulatorRequest } from './types.ts';

/** A value attached to one request by a middleware (who is calling) and read by its routes. */
export interface RequestSlot<T> {
  set(req: EmulatorRequest, value: T): void;
  /** The value; a route reached without the middleware that sets it is a wiring bug, so this throws. */
  get(req: EmulatorRequest): T;
}

/** A slot named `what` (for the wiring-bug message), held weakly so requests are not kept alive. */
export function requestSlot<T>(what: string): RequestSlot<T> {
  const values = new WeakMap<EmulatorRequest, T>();
  return {
    set: (req, value) => void values.set(req, value),
    get: (req) => {
      if (!values.has(req)) throw new Error(`No ${what} for ${req.method} ${req.path}.`);
      return values.get(req) as T;
    },
  };
}
