import type { EmulatorMiddleware, EmulatorRequest, EmulatorResponse } from './types.ts';

/** The response body when it is a JSON object, for in-place rewriting. */
export function jsonObjectBody(response: EmulatorResponse): Record<string, unknown> | undefined {
  const body = response.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

/**
 * A middleware that edits the JSON object body of every response `applies` accepts, in place:
 * the shape of most "the answer is subtly wrong" faults.
 */
export function rewriteJsonResponses(
  applies: (req: EmulatorRequest, response: EmulatorResponse) => boolean,
  edit: (body: Record<string, unknown>) => void,
): EmulatorMiddleware {
  return async (req, next) => {
    const response = await next();
    const body = jsonObjectBody(response);
    if (body && applies(req, response)) edit(body);
    return response;
  };
}
