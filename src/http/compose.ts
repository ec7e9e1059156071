import type { Handler, Middleware } from './types.ts';

/** Composes middleware around a terminal handler: the first in the list is the outermost. */
export function compose(middleware: readonly Middleware[], terminal: Handler): Handler {
  return middleware.reduceRight<Handler>((next, piece) => (request) => piece(request, next), terminal);
}
