import type { EmulatorHandler, EmulatorMiddleware, EmulatorResponse } from './types.ts';

/**
 * Wraps `handler` in `middlewares`, the first one outermost: `compose([a, b], h)` runs
 * `a(req, () => b(req, () => h(req)))`.
 */
export function compose(
  middlewares: readonly EmulatorMiddleware[],
  handler: EmulatorHandler,
): EmulatorHandler {
  return (req) => {
    const dispatch = (index: number): Promise<EmulatorResponse> => {
      const middleware = middlewares[index];
      if (!middleware) return handler(req);
      return middleware(req, () => dispatch(index + 1));
    };
    return dispatch(0);
  };
}
