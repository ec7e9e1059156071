import { compilePattern, matchPattern } from './path-pattern.ts';
import type { PathPattern } from './path-pattern.ts';
import type { EmulatorHandler, EmulatorRequest, EmulatorResponse } from './types.ts';

export interface RouterOptions {
  /** Answers a path that no route pattern matches. */
  notFound: EmulatorHandler;
  /** Answers a known path requested with a method it does not serve; `allowed` is sorted. */
  methodNotAllowed: (req: EmulatorRequest, allowed: readonly string[]) => Promise<EmulatorResponse>;
}

interface RouteGroup {
  readonly pattern: PathPattern;
  readonly handlers: Map<string, EmulatorHandler>;
}

/**
 * Method + path-pattern routing. When several patterns match, the one with the most literal
 * segments wins; a matched path without a handler for the method gets `methodNotAllowed`.
 */
export class Router {
  readonly #groups: RouteGroup[] = [];
  readonly #options: RouterOptions;

  constructor(options: RouterOptions) {
    this.#options = options;
  }

  /** Registers `handler` for `method` on `pattern` (`:name` segments become `req.params.name`). */
  on(method: string, pattern: string, handler: EmulatorHandler): this {
    let group = this.#groups.find((candidate) => candidate.pattern.source === pattern);
    if (!group) {
      group = { pattern: compilePattern(pattern), handlers: new Map() };
      this.#groups.push(group);
    }
    group.handlers.set(method.toUpperCase(), handler);
    return this;
  }

  /** The router as a handler, to be composed with middleware. */
  readonly handle: EmulatorHandler = async (req) => {
    let best: { group: RouteGroup; params: Record<string, string> } | undefined;
    for (const group of this.#groups) {
      const params = matchPattern(group.pattern, req.path);
      if (params && (!best || group.pattern.specificity > best.group.pattern.specificity)) {
        best = { group, params };
      }
    }
    if (!best) return this.#options.notFound(req);
    const handler = best.group.handlers.get(req.method);
    if (!handler) return this.#options.methodNotAllowed(req, [...best.group.handlers.keys()].sort());
    req.params = best.params;
    return handler(req);
  };
}
